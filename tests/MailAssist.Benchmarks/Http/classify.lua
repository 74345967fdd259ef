-- wrk script: POST /api/classify, cycling through a few realistic postmottak messages.
--   wrk ... -s classify.lua URL            a new internetMessageId on every request: each is cleaned, classified and stored
--   wrk ... -s classify.lua URL -- repeat  1,000 messages selected again and again: the stored suggestion is returned
--                                          (run it once first, so that all 1,000 are stored)
local bodies = {
  { s = "Faktura 2026-%d fra Kontorleveranser AS", b = "Vedlagt faktura for levert kontorrekvisita. Forfall 30 dager. KID 00451287%d.", f = "faktura@kontorleveranser.no", a = "Faktura_%d.pdf" },
  { s = "Søknad om dispensasjon for garasje, gnr 12 bnr %d", b = "Hei. Vi søker om dispensasjon fra reguleringsplanen for å bygge garasje nærmere nabogrensen enn fire meter. Tegninger og situasjonsplan ligger vedlagt.", f = "ola.hansen@gmail.com", a = "situasjonsplan_%d.pdf" },
  { s = "Når tømmes papirdunken i Storgata %d?", b = "Hei, papirdunken vår ble ikke tømt denne uka. Når kommer bilen neste gang?", f = "kari.berg@online.no", a = nil },
  { s = "Passordet ditt utløper i dag (%d)", b = "Kjære bruker, passordet ditt til Microsoft 365 utløper om 24 timer. Klikk her for å beholde passordet: http://m365-sikkerhet.example/login", f = "no-reply@m365-sikkerhet.example", a = nil },
  { s = "Innsynskrav i sak 2026/%d", b = "Jeg ber om innsyn i korrespondansen i saken om ny reguleringsplan for sentrum, jf. offentleglova.", f = "journalist@avisa.no", a = nil },
  { s = "Bekymringsmelding elev %d", b = "Skolen sender bekymringsmelding om en elev i 6. klasse som over tid har hatt høyt fravær og fortalt om vold hjemme.", f = "rektor@eksempel-skole.no", a = "bekymringsmelding_%d.pdf" },
}

-- Globals, not locals: setup() sets each thread's own thread_id and run as globals of that thread.
-- Ids are unique across threads and runs (a run id from the clock), so no request meets another's suggestion.
counter = 0
thread_id = 0
run = os.time()

repeat_pool = nil

function init(args)
  if args[1] == "repeat" then repeat_pool = 1000 end
end

function setup(thread)
  thread:set("thread_id", thread_id)
  thread:set("run", run)
  thread_id = thread_id + 1
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local n, id = counter, string.format("<load-%d-%d-%d@example.no>", run, thread_id, counter)
  if repeat_pool then
    n = (counter * 2 + thread_id) % repeat_pool
    id = string.format("<load-pool-%d@example.no>", n)
  end
  local m = bodies[(n % #bodies) + 1]
  local attachments = "[]"
  if m.a then
    attachments = string.format('[{"name":"%s","contentType":"application/pdf","size":48211}]', string.format(m.a, n))
  end
  local body = string.format(
    '{"mailbox":"postmottak@eksempel.kommune.no","internetMessageId":"%s","from":"%s","to":["postmottak@eksempel.kommune.no"],"cc":[],"subject":"%s","body":"%s","bodyHtml":null,"attachments":%s,"receivedAt":"2026-10-14T08:31:00+02:00"}',
    id, m.f, string.format(m.s, n), string.format(m.b, n), attachments)
  return wrk.format(nil, "/api/classify", nil, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("non-2xx or socket errors: %d\n", errors))
end
