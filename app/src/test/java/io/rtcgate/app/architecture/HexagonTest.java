package io.rtcgate.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of the hexagon: the domain depends on nothing of ours, adapters only on the domain. */
class HexagonTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rtcgate");
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("io.rtcgate.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax..", "java.sql..", "org.flywaydb..", "org.postgresql..",
                        "com.fasterxml..", "io.agora..", "com.tencentcloudapi..", "com.tencentyun..", "com.aliyuncs..",
                        "com.aliyun..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void domainDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.rtcgate.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rtcgate.app..", "io.rtcgate.postgres..",
                        "io.rtcgate.aliyun..", "io.rtcgate.agora..", "io.rtcgate.tencent..", "io.rtcgate.emulator..")
                .check(classes);
    }

    @Test
    void adaptersDependOnTheDomainOnly() {
        String[] adapters = {"io.rtcgate.postgres..", "io.rtcgate.aliyun..", "io.rtcgate.agora..", "io.rtcgate.tencent..",
                "io.rtcgate.emulator.."};
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(other -> !other.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage("io.rtcgate.app..")
                    .orShould().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void vendorAdaptersDoNotKnowMicronaut() {
        noClasses().that().resideInAnyPackage("io.rtcgate.aliyun..", "io.rtcgate.agora..", "io.rtcgate.tencent..",
                        "io.rtcgate.emulator..")
                .should().dependOnClassesThat().resideInAPackage("io.micronaut..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
