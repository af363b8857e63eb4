package uz.aqlli.opendata;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.ServiceSkeletonContract;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "opendata"))
class OpenDataServiceTest extends ServiceSkeletonContract {
}
