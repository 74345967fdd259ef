-- The demo municipality's shared mailbox and its 15 units (shared/domain/postmottak-guide.md).
INSERT INTO mailboxes (id, address, display_name, is_default)
VALUES ('00000000-0000-0000-0000-00000000d3e0', 'postmottak@eksempel.kommune.no', 'Postmottak, Eksempel kommune', true);

INSERT INTO units (mailbox_id, id, name, address, owns, kind) VALUES
    ('00000000-0000-0000-0000-00000000d3e0', 'byggesak', 'Byggesak og oppmåling', 'byggesak@eksempel.kommune.no', 'byggesøknader, ferdigattest, nabomerknader i byggesaker, oppmåling, matrikkel, seksjonering', 'byggesak'),
    ('00000000-0000-0000-0000-00000000d3e0', 'plan', 'Plan og miljø', 'plan@eksempel.kommune.no', 'reguleringsplaner, kommuneplan, planinitiativ, merknader til planer, dispensasjon fra plan, miljø, forurensning', 'plan'),
    ('00000000-0000-0000-0000-00000000d3e0', 'landbruk', 'Landbruk og natur', 'landbruk@eksempel.kommune.no', 'produksjonstilskudd og andre landbrukstilskudd, skogfond, konsesjon, vilt og jakt, dyrevelferd på gårdsbruk', 'landbruk'),
    ('00000000-0000-0000-0000-00000000d3e0', 'oppvekst', 'Oppvekst og utdanning', 'oppvekst@eksempel.kommune.no', 'skoler, barnehager, SFO, skoleskyss, PPT, fravær, inntak', 'oppvekst'),
    ('00000000-0000-0000-0000-00000000d3e0', 'helse', 'Helse og omsorg', 'helse@eksempel.kommune.no', 'hjemmetjenester, sykehjem, helsestasjon, fastlegeordningen, legevakt, psykisk helse og rus, hjelpemidler', 'helse'),
    ('00000000-0000-0000-0000-00000000d3e0', 'barnevern', 'Barnevernstjenesten', 'barnevern@eksempel.kommune.no', 'barnevern, bekymringsmeldinger', 'barnevern'),
    ('00000000-0000-0000-0000-00000000d3e0', 'nav', 'NAV-kontoret (kommunal del)', 'nav@eksempel.kommune.no', 'økonomisk sosialhjelp, kvalifiseringsprogram, midlertidig bolig', 'nav'),
    ('00000000-0000-0000-0000-00000000d3e0', 'teknisk', 'Kommunalteknikk', 'teknisk@eksempel.kommune.no', 'veier, vann og avløp, renovasjon, brøyting, gatelys, gravetillatelser, kommunal parkering', 'teknisk'),
    ('00000000-0000-0000-0000-00000000d3e0', 'eiendomsskatt', 'Eiendomsskatt og gebyrer', 'eiendomsskatt@eksempel.kommune.no', 'eiendomsskatt, klage på takst, kommunale gebyrer, vannmålere', 'eiendomsskatt'),
    ('00000000-0000-0000-0000-00000000d3e0', 'okonomi', 'Økonomi og fakturamottak', 'okonomi@eksempel.kommune.no', 'fakturaer, purringer, inkasso, regnskap, betalinger', 'okonomi'),
    ('00000000-0000-0000-0000-00000000d3e0', 'hr', 'HR og lønn', 'hr@eksempel.kommune.no', 'jobbsøknader, lønn, arbeidsgiverattester, personalsaker', 'hr'),
    ('00000000-0000-0000-0000-00000000d3e0', 'politikk', 'Politisk sekretariat', 'politikk@eksempel.kommune.no', 'ordfører, kommunestyre, utvalg, møtedokumenter, innbyggerforslag, valg', 'politikk'),
    ('00000000-0000-0000-0000-00000000d3e0', 'kultur', 'Kultur og frivillighet', 'kultur@eksempel.kommune.no', 'tilskudd til lag og foreninger, bibliotek, kulturskole, arrangementer, idrettsanlegg, frivillighet', 'kultur'),
    ('00000000-0000-0000-0000-00000000d3e0', 'servicetorget', 'Servicetorget', 'servicetorget@eksempel.kommune.no', 'generelle spørsmål fra innbyggere, skjenke- og salgsbevilling, bostøtte, startlån, alt uten en tydeligere eier', 'servicetorget'),
    ('00000000-0000-0000-0000-00000000d3e0', 'arkiv', 'Arkiv og innsyn', 'arkiv@eksempel.kommune.no', 'innsynskrav, spørsmål om historiske arkiver', 'arkiv');
