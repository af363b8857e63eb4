package uz.aqlli.integrity.repository;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Plain SQL on the service's datasource, inside the caller's transaction (Agroal enlists the
 * connection in it): the projections are a handful of rows per event, uuid and text arrays and
 * jsonb, which SQL says more plainly than entity mappings would.
 */
@ApplicationScoped
public class Sql {

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepared(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, Row<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                value = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            } else if (value instanceof UuidArray uuids) {
                value = connection.createArrayOf("uuid", uuids.values().toArray());
            } else if (value instanceof TextArray texts) {
                value = connection.createArrayOf("text", texts.values().toArray());
            }
            statement.setObject(i + 1, value);
        }
        return statement;
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static List<UUID> uuids(ResultSet row, String column) throws SQLException {
        var array = row.getArray(column);
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    public static List<String> texts(ResultSet row, String column) throws SQLException {
        var array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A uuid[] parameter. */
    public record UuidArray(Collection<UUID> values) {
    }

    /** A text[] parameter. */
    public record TextArray(Collection<String> values) {
    }
}
