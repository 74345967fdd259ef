-- wrk script: POST /api/classify with a new internetMessageId on every request (no cached answers),
-- cycling through a few realistic postmottak messages.
local bodies = {
  { s = "Faktura 2026-%d fra Kontorleveranser AS", b = "Vedlagt faktura for levert kontorrekvisita. Forfall 30 dager. KID 00451287%d.", f = "faktura@kontorleveranser.no", a = "Faktura_%d.pdf" },
  { s = "Søknad om dispensasjon for garasje, gnr 12 bnr %d", b = "Hei. Vi søker om dispensasjon fra reguleringsplanen for å bygge garasje nærmere nabogrensen enn fire meter. Tegninger og situasjonsplan ligger vedlagt.", f = "ola.hansen@gmail.com", a = "situasjonsplan_%d.pdf" },
  { s = "Når tømmes papirdunken i Storgata %d?", b = "Hei, papirdunken vår ble ikke tømt denne uka. Når kommer bilen neste gang?", f = "kari.berg@online.no", a = nil },
  { s = "Passordet ditt utløper i dag (%d)", b = "Kjære bruker, passordet ditt til Microsoft 365 utløper om 24 timer. Klikk her for å beholde passordet: http://m365-sikkerhet.example/login", f = "no-reply@m365-sikkerhet.example", a = nil },
  { s = "Innsynskrav i sak 2026/%d", b = "Jeg ber om innsyn i korrespondansen i saken om ny reguleringsplan for sentrum, jf. offentleglova.", f = "journalist@avisa.no", a = nil },
  { s = "Bekymringsmelding elev %d", b = "Skolen sender bekymringsmelding om en elev i 6. klasse som over tid har hatt høyt fravær og fortalt om vold hjemme.", f = "rektor@eksempel-skole.no", a = "bekymringsmelding_%d.pdf" },
}

local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local m = bodies[(counter % #bodies) + 1]
  local attachments = "[]"
  if m.a then
    attachments = string.format('[{"name":"%s","contentType":"application/pdf","size":48211}]', string.format(m.a, counter))
  end
  local body = string.format(
    '{"mailbox":"postmottak@eksempel.kommune.no","internetMessageId":"<load-%d-%d-%d@example.no>","from":"%s","to":["postmottak@eksempel.kommune.no"],"cc":[],"subject":"%s","body":"%s","bodyHtml":null,"attachments":%s,"receivedAt":"2026-10-14T08:31:00+02:00"}',
    thread_id, counter, math.random(1, 1000000000), m.f, string.format(m.s, counter), string.format(m.b, counter), attachments)
  return wrk.format(nil, "/api/classify", nil, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("non-2xx or socket errors: %d\n", errors))
end
