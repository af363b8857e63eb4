package uz.aqlli.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.ServiceSkeletonContract;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class NotificationsServiceTest extends ServiceSkeletonContract {
}
