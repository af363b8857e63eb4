-- The 14 first-level administrative units of Uzbekistan with their SOATO codes (Uzbekistan = 17).
create table region (
    code    varchar(4) primary key,
    name_uz text not null,
    name_ru text not null,
    name_en text not null
);

insert into region (code, name_uz, name_ru, name_en) values
    ('1735', 'Qoraqalpog''iston Respublikasi', 'Республика Каракалпакстан', 'Republic of Karakalpakstan'),
    ('1703', 'Andijon viloyati',    'Андижанская область',      'Andijan region'),
    ('1706', 'Buxoro viloyati',     'Бухарская область',        'Bukhara region'),
    ('1708', 'Jizzax viloyati',     'Джизакская область',       'Jizzakh region'),
    ('1710', 'Qashqadaryo viloyati','Кашкадарьинская область',  'Kashkadarya region'),
    ('1712', 'Navoiy viloyati',     'Навоийская область',       'Navoi region'),
    ('1714', 'Namangan viloyati',   'Наманганская область',     'Namangan region'),
    ('1718', 'Samarqand viloyati',  'Самаркандская область',    'Samarkand region'),
    ('1722', 'Surxondaryo viloyati','Сурхандарьинская область', 'Surkhandarya region'),
    ('1724', 'Sirdaryo viloyati',   'Сырдарьинская область',    'Syrdarya region'),
    ('1726', 'Toshkent shahri',     'город Ташкент',            'Tashkent city'),
    ('1727', 'Toshkent viloyati',   'Ташкентская область',      'Tashkent region'),
    ('1730', 'Farg''ona viloyati',  'Ферганская область',       'Fergana region'),
    ('1733', 'Xorazm viloyati',     'Хорезмская область',       'Khorezm region');

create table organization (
    id            uuid        primary key,
    kind          varchar(16) not null check (kind in ('ENTERPRISE', 'PROVIDER')),
    legal_name    varchar(300) not null,
    -- STIR (INN): the 9-digit tax number, one organization per number
    stir          char(9)     not null unique check (stir ~ '^[0-9]{9}$'),
    region_code   varchar(4)  not null references region (code),
    district_code varchar(7),
    status        varchar(16) not null check (status in ('PENDING', 'VERIFIED', 'SUSPENDED')),
    registered_at timestamptz not null,
    version       bigint      not null default 0
);

create index organization_region on organization (region_code, status);
