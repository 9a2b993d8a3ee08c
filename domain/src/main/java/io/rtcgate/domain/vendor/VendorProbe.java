package io.rtcgate.domain.vendor;

/**
 * Port: one cheap authenticated call to the vendor's cloud ({@code health-probe} capability), made on a
 * timer so that a vendor nobody is calling is still known up or down. Guarded like every call that
 * reaches the vendor, so its outcome feeds the vendor's health: a probe that gets no answer counts against
 * it, one that is answered closes a half-open circuit.
 */
public interface VendorProbe extends VendorPort {

    /** The channel or task name probes ask about: the gateway never creates one by that name. */
    String PROBE_NAME = "rtcgate-probe";

    /**
     * Asks the vendor something that needs valid credentials and changes nothing.
     *
     * @throws VendorException when the vendor did not answer, failed, or refused the credentials
     */
    void probe();
}
