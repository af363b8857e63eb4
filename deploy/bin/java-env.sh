# Sourced by ./run and .ci/run: makes JAVA_HOME a JDK 21 or newer, or stops with one line.
# The build needs 21+ (the enforcer says so too); machines often have an older default java.

aqlli_java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

aqlli_pick_java() {
  local on_path="" candidate major
  if command -v java >/dev/null 2>&1; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  # In order of preference: an explicit JAVA_HOME, the java on PATH, then any installed JDK.
  for candidate in "${JAVA_HOME:-}" "$on_path" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(aqlli_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "aqlli: needs a JDK 21 or newer, found none (JAVA_HOME='${JAVA_HOME:-}', java on PATH: $(java -version 2>&1 | head -n 1 || echo none)); install one and set JAVA_HOME" >&2
  return 1
}

aqlli_pick_java || exit 1
