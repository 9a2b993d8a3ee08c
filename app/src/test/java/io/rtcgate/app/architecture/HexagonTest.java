package io.rtcgate.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomRecord;
import io.rtcgate.domain.vendor.PortGuard;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the hexagon: the domain depends on the JDK's plain parts and on nothing of ours;
 * adapters only on the domain; controllers reach use cases, never stores, health or the vendor registry.
 * Every rule fails when it matches no class, so a renamed package cannot make a rule pass vacuously.
 */
class HexagonTest {

    private static final String[] ADAPTERS = {"io.rtcgate.postgres..", "io.rtcgate.aliyun..", "io.rtcgate.agora..",
            "io.rtcgate.tencent..", "io.rtcgate.emulator..", "io.rtcgate.nats.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rtcgate");
    }

    /** An allow-list: what the domain may use of the JDK; anything else (JDBC, HTTP, XML, logging frameworks) is out. */
    @Test
    void domainUsesOnlyThePlainJdkAndItself() {
        classes().that().resideInAPackage("io.rtcgate.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.rtcgate.domain..", "java.lang..", "java.util..", "java.time..", "java.nio.charset..",
                        "java.security..")
                .check(classes);
    }

    @Test
    void adaptersDependOnTheDomainOnly() {
        for (String adapter : ADAPTERS) {
            String[] others = Arrays.stream(ADAPTERS).filter(other -> !other.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage("io.rtcgate.app..", "io.rtcgate.testkit..")
                    .orShould().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void vendorAdaptersDoNotKnowMicronaut() {
        noClasses().that().resideInAnyPackage("io.rtcgate.aliyun..", "io.rtcgate.agora..", "io.rtcgate.tencent..",
                        "io.rtcgate.emulator..", "io.rtcgate.nats..")
                .should().dependOnClassesThat().resideInAPackage("io.micronaut..")
                .check(classes);
    }

    @Test
    void theTestKitBuildsOnTheDomainOnly() {
        noClasses().that().resideInAPackage("io.rtcgate.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAPackage("io.rtcgate.app..")
                .check(classes);
    }

    @Test
    void controllersReachUseCasesNotStoresHealthOrVendorPorts() {
        noClasses().that().resideInAPackage("io.rtcgate.app.api..")
                .should().dependOnClassesThat(storesOfTheDomain())
                .orShould().dependOnClassesThat().belongToAnyOf(VendorHealth.class, VendorPorts.class, PortGuard.class,
                        VendorRouter.class)
                .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(classes);
    }

    @Test
    void theNativeApiDoesNotBorrowTheAuiWireModels() {
        noClasses().that().resideInAPackage("io.rtcgate.app.api.v1..")
                .should().dependOnClassesThat().resideInAPackage("io.rtcgate.app.api.aui..")
                .check(classes);
    }

    /** Rooms change only through their commands: restoring one with any status or binding is for stores. */
    @Test
    void onlyStoresRestoreRooms() {
        noClasses().that().resideOutsideOfPackages("io.rtcgate.domain.room..", "io.rtcgate.postgres.room..",
                        "io.rtcgate.testkit..")
                .should().callMethod(Room.class, "restore", RoomRecord.class)
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> storesOfTheDomain() {
        return DescribedPredicate.describe("stores of the domain (ports named *Store)",
                type -> type.getPackageName().startsWith("io.rtcgate.domain") && type.getSimpleName().endsWith("Store"));
    }
}
