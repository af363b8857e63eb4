package uz.aqlli.platform.events;

/** The digital services providers sell and enterprises request (the brief's reference data). */
public enum ServiceCategory {
    ERP,
    CRM,
    E_COMMERCE,
    WEBSITES_AND_PORTALS,
    CLOUD_AND_HOSTING,
    CYBERSECURITY,
    INDUSTRIAL_IOT,
    DATA_ANALYTICS,
    DIGITAL_MARKETING,
    E_INVOICING,
    TRAINING
}
