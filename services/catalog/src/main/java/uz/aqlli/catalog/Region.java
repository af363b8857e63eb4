package uz.aqlli.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A first-level administrative unit of Uzbekistan, identified by its SOATO code (reference data). */
@Entity
@Table(name = "region")
public class Region {

    @Id
    public String code;

    @Column(name = "name_uz", nullable = false)
    public String nameUz;

    @Column(name = "name_ru", nullable = false)
    public String nameRu;

    @Column(name = "name_en", nullable = false)
    public String nameEn;
}
