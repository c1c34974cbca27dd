<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Use another port</source>
        <translation>Anderen Port verwenden</translation>
    </message>
    <message>
        <source>Port {current} is taken. Port for the ERP backend:</source>
        <translation>Port {current} ist belegt. Port für das ERP-Backend:</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ERP Guardian {version}&lt;/h3&gt;&lt;p&gt;Keeps the ERP backend of this workstation running: it starts the backend, checks that it answers, restarts it when it crashes or hangs, and tells you what happened.&lt;/p&gt;&lt;p&gt;The tray icon shows the state: green running, yellow working on it, red needs attention, grey stopped or paused.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ERP Guardian {version}&lt;/h3&gt;&lt;p&gt;Hält das ERP-Backend dieses Arbeitsplatzes am Laufen: Es startet das Backend, prüft, ob es antwortet, startet es neu, wenn es abstürzt oder hängt, und sagt Ihnen, was passiert ist.&lt;/p&gt;&lt;p&gt;Das Symbol im Infobereich zeigt den Zustand: grün läuft, gelb in Arbeit, rot braucht Ihre Aufmerksamkeit, grau angehalten oder pausiert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About ERP Guardian</source>
        <translation>Über ERP Guardian</translation>
    </message>
    <message>
        <source>stopped unexpectedly</source>
        <translation>unerwartet beendet</translation>
    </message>
    <message>
        <source>stopped responding</source>
        <translation>reagiert nicht mehr</translation>
    </message>
    <message>
        <source>forced to stop</source>
        <translation>zwangsweise beendet</translation>
    </message>
    <message>
        <source>works again</source>
        <translation>läuft wieder</translation>
    </message>
    <message>
        <source>restarts given up</source>
        <translation>Neustarts aufgegeben</translation>
    </message>
    <message>
        <source>cannot start</source>
        <translation>kann nicht starten</translation>
    </message>
    <message>
        <source>old backend replaced</source>
        <translation>altes Backend ersetzt</translation>
    </message>
    <message>
        <source>running steadily</source>
        <translation>läuft stabil</translation>
    </message>
    <message>
        <source>standby took over</source>
        <translation>Ersatzprozess hat übernommen</translation>
    </message>
    <message>
        <source>standby replaced</source>
        <translation>Ersatzprozess ersetzt</translation>
    </message>
    <message>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Down for</source>
        <translation>Ausgefallen für</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>not recovered</source>
        <translation>nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>recovered in {duration}</source>
        <translation>wiederhergestellt nach {duration}</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>unknown cause</source>
        <translation>unbekannte Ursache</translation>
    </message>
    <message>
        <source>The ERP system runs steadily again after {count} restarts in {span}. You do not need to do anything.</source>
        <translation>Das ERP-System läuft nach {count} Neustarts in {span} wieder stabil. Sie müssen nichts tun.</translation>
    </message>
    <message>
        <source>ERP system works again</source>
        <translation>ERP-System läuft wieder</translation>
    </message>
    <message>
        <source>The ERP system stopped {count} times in the last {window}. ERP Guardian keeps restarting it. Last cause: {cause}. If this goes on, save your work and tell your IT contact.</source>
        <translation>Das ERP-System ist in den letzten {window} {count}-mal ausgefallen. ERP Guardian startet es weiter neu. Letzte Ursache: {cause}. Wenn das so weitergeht, speichern Sie Ihre Arbeit und verständigen Sie Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>ERP system keeps stopping</source>
        <translation>ERP-System fällt immer wieder aus</translation>
    </message>
    <message>
        <source>The ERP system is available again. You do not need to do anything.</source>
        <translation>Das ERP-System ist wieder verfügbar. Sie müssen nichts tun.</translation>
    </message>
    <message>
        <source>The ERP system stopped: {cause}. ERP Guardian restarted it; it was unavailable for {outage}. It works again, you do not need to do anything.</source>
        <translation>Das ERP-System ist ausgefallen: {cause}. ERP Guardian hat es neu gestartet; es war {outage} lang nicht erreichbar. Es läuft wieder, Sie müssen nichts tun.</translation>
    </message>
    <message>
        <source>ERP system restarted</source>
        <translation>ERP-System neu gestartet</translation>
    </message>
    <message>
        <source>It tries again at {time}.</source>
        <translation>Neuer Versuch um {time}.</translation>
    </message>
    <message>
        <source>It will not try again by itself.</source>
        <translation>Es wird nicht von selbst erneut versucht.</translation>
    </message>
    <message>
        <source>The ERP system crashed too often, so ERP Guardian stopped restarting it. {retry} You can restart it now from the tray menu. Last cause: {cause}.</source>
        <translation>Das ERP-System ist zu oft abgestürzt, deshalb startet ERP Guardian es nicht mehr neu. {retry} Sie können es jetzt über das Menü im Infobereich neu starten. Letzte Ursache: {cause}.</translation>
    </message>
    <message>
        <source>ERP system is not running</source>
        <translation>ERP-System läuft nicht</translation>
    </message>
    <message>
        <source>The ERP system cannot start: {detail}. Open the status window from the tray menu to stop that program or to use another port.</source>
        <translation>Das ERP-System kann nicht starten: {detail}. Öffnen Sie über das Menü im Infobereich das Statusfenster, um das andere Programm zu beenden oder einen anderen Port zu verwenden.</translation>
    </message>
    <message>
        <source>ERP system cannot start</source>
        <translation>ERP-System kann nicht starten</translation>
    </message>
    <message>
        <source>ERP Guardian warning</source>
        <translation>Warnung von ERP Guardian</translation>
    </message>
    <message>
        <source>{detail}. The ERP system still works; please tell your IT contact soon.</source>
        <translation>{detail}. Das ERP-System läuft noch; bitte verständigen Sie bald Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>ERP Guardian restarts the ERP system because it uses too much memory ({detail}). It is back in a few seconds.</source>
        <translation>ERP Guardian startet das ERP-System neu, weil es zu viel Arbeitsspeicher belegt ({detail}). Es ist in wenigen Sekunden wieder da.</translation>
    </message>
    <message>
        <source>ERP system is being restarted</source>
        <translation>ERP-System wird neu gestartet</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Checks and restarts</source>
        <translation>Prüfungen und Neustarts</translation>
    </message>
    <message>
        <source>Early warning</source>
        <translation>Frühwarnung</translation>
    </message>
    <message>
        <source>Seamless restarts</source>
        <translation>Neustarts ohne Unterbrechung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Web page and notifications</source>
        <translation>Webseite und Benachrichtigungen</translation>
    </message>
    <message>
        <source>Monitoring from other computers</source>
        <translation>Überwachung von anderen Computern</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Command (empty: the bundled ERP backend)</source>
        <translation>Befehl (leer: das mitgelieferte ERP-Backend)</translation>
    </message>
    <message>
        <source>ERP database file (empty: the bundled one)</source>
        <translation>ERP-Datenbankdatei (leer: die mitgelieferte)</translation>
    </message>
    <message>
        <source>Working folder</source>
        <translation>Arbeitsordner</translation>
    </message>
    <message>
        <source>Extra environment (KEY=VALUE per line)</source>
        <translation>Zusätzliche Umgebungsvariablen (NAME=WERT je Zeile)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Health check path</source>
        <translation>Pfad der Zustandsprüfung</translation>
    </message>
    <message>
        <source>Health check URL (overrides address, port, path)</source>
        <translation>Adresse der Zustandsprüfung (ersetzt Adresse, Port und Pfad)</translation>
    </message>
    <message>
        <source>Check every (s)</source>
        <translation>Prüfen alle (s)</translation>
    </message>
    <message>
        <source>Check timeout (s)</source>
        <translation>Wartezeit je Prüfung (s)</translation>
    </message>
    <message>
        <source>Failed checks before restart</source>
        <translation>Fehlgeschlagene Prüfungen bis zum Neustart</translation>
    </message>
    <message>
        <source>Time allowed to start (s)</source>
        <translation>Zeit zum Starten (s)</translation>
    </message>
    <message>
        <source>Time allowed to stop (s)</source>
        <translation>Zeit zum Beenden (s)</translation>
    </message>
    <message>
        <source>Time allowed to stop when hung (s)</source>
        <translation>Zeit zum Beenden, wenn es hängt (s)</translation>
    </message>
    <message>
        <source>First restart delay (s)</source>
        <translation>Wartezeit vor dem ersten Neustart (s)</translation>
    </message>
    <message>
        <source>Longest restart delay (s)</source>
        <translation>Längste Wartezeit vor einem Neustart (s)</translation>
    </message>
    <message>
        <source>Restarts allowed per window</source>
        <translation>Erlaubte Neustarts je Zeitraum</translation>
    </message>
    <message>
        <source>Restart window (s)</source>
        <translation>Zeitraum für Neustarts (s)</translation>
    </message>
    <message>
        <source>Retry after giving up (s, 0: never)</source>
        <translation>Neuer Versuch nach dem Aufgeben (s, 0: nie)</translation>
    </message>
    <message>
        <source>Counts as stable after (s)</source>
        <translation>Gilt als stabil nach (s)</translation>
    </message>
    <message>
        <source>Log folder (empty: default)</source>
        <translation>Protokollordner (leer: Standard)</translation>
    </message>
    <message>
        <source>Data folder (empty: default)</source>
        <translation>Datenordner (leer: Standard)</translation>
    </message>
    <message>
        <source>Log file size before rotation (bytes)</source>
        <translation>Größe einer Protokolldatei bis zum Wechsel (Byte)</translation>
    </message>
    <message>
        <source>Rotated log files kept</source>
        <translation>Aufbewahrte ältere Protokolldateien</translation>
    </message>
    <message>
        <source>Statistics every (s, 0: never)</source>
        <translation>Statistik alle (s, 0: nie)</translation>
    </message>
    <message>
        <source>Web page address</source>
        <translation>Adresse der Webseite</translation>
    </message>
    <message>
        <source>Web page port (0: no web page)</source>
        <translation>Port der Webseite (0: keine Webseite)</translation>
    </message>
    <message>
        <source>Notify when the backend was restarted</source>
        <translation>Benachrichtigen, wenn das Backend neu gestartet wurde</translation>
    </message>
    <message>
        <source>Notify when restarting was given up</source>
        <translation>Benachrichtigen, wenn Neustarts aufgegeben wurden</translation>
    </message>
    <message>
        <source>Notify when the backend works again</source>
        <translation>Benachrichtigen, wenn das Backend wieder läuft</translation>
    </message>
    <message>
        <source>Notify about early warnings</source>
        <translation>Bei Frühwarnungen benachrichtigen</translation>
    </message>
    <message>
        <source>Look at the figures every (s)</source>
        <translation>Messwerte prüfen alle (s)</translation>
    </message>
    <message>
        <source>Clear a warning this far back (0.1 = 10 %)</source>
        <translation>Warnung aufheben mit diesem Abstand (0,1 = 10 %)</translation>
    </message>
    <message>
        <source>Warn below this free disk (GB, 0: off)</source>
        <translation>Warnen unter so viel freiem Speicherplatz (GB, 0: aus)</translation>
    </message>
    <message>
        <source>Warn below this free memory (MB, 0: off)</source>
        <translation>Warnen unter so viel freiem Arbeitsspeicher (MB, 0: aus)</translation>
    </message>
    <message>
        <source>Warn when the backend uses more memory (MB, 0: off)</source>
        <translation>Warnen, wenn das Backend mehr Arbeitsspeicher belegt (MB, 0: aus)</translation>
    </message>
    <message>
        <source>Warn when its memory grows faster (MB/h, 0: off)</source>
        <translation>Warnen, wenn sein Speicher schneller wächst (MB/h, 0: aus)</translation>
    </message>
    <message>
        <source>Judge memory growth over (s)</source>
        <translation>Speicherwachstum beurteilen über (s)</translation>
    </message>
    <message>
        <source>Warn when answers get slower than (ms, 0: off)</source>
        <translation>Warnen, wenn Antworten langsamer sind als (ms, 0: aus)</translation>
    </message>
    <message>
        <source>Warn when answers get this many times slower (0: off)</source>
        <translation>Warnen, wenn Antworten so viel Mal langsamer werden (0: aus)</translation>
    </message>
    <message>
        <source>Warn above this processor load (%, 0: off)</source>
        <translation>Warnen über dieser Prozessorlast (%, 0: aus)</translation>
    </message>
    <message>
        <source>Processor load must last (s)</source>
        <translation>Prozessorlast muss anhalten (s)</translation>
    </message>
    <message>
        <source>Warn when the database is larger (MB, 0: off)</source>
        <translation>Warnen, wenn die Datenbank größer ist (MB, 0: aus)</translation>
    </message>
    <message>
        <source>Warn when the database journal is larger (MB, 0: off)</source>
        <translation>Warnen, wenn das Datenbank-Journal größer ist (MB, 0: aus)</translation>
    </message>
    <message>
        <source>Warn after this many restarts a day (0: off)</source>
        <translation>Warnen nach so vielen Neustarts am Tag (0: aus)</translation>
    </message>
    <message>
        <source>Warn above this many errors a minute (0: off)</source>
        <translation>Warnen über so vielen Fehlern pro Minute (0: aus)</translation>
    </message>
    <message>
        <source>Error lines contain (patterns, any case)</source>
        <translation>Fehlerzeilen enthalten (Muster, Groß-/Kleinschreibung egal)</translation>
    </message>
    <message>
        <source>Warn when the database stays locked longer than (s, 0: off)</source>
        <translation>Warnen, wenn die Datenbank länger gesperrt bleibt als (s, 0: aus)</translation>
    </message>
    <message>
        <source>Restart the backend above this memory (MB, 0: never)</source>
        <translation>Backend neu starten über diesem Arbeitsspeicher (MB, 0: nie)</translation>
    </message>
    <message>
        <source>Restart the backend daily at (HH:MM, empty: never)</source>
        <translation>Backend täglich neu starten um (HH:MM, leer: nie)</translation>
    </message>
    <message>
        <source>Access key for monitoring (needed when other computers connect)</source>
        <translation>Zugangsschlüssel für die Überwachung (nötig, wenn andere Computer zugreifen)</translation>
    </message>
    <message>
        <source>Further names of this computer (separated by spaces)</source>
        <translation>Weitere Namen dieses Computers (durch Leerzeichen getrennt)</translation>
    </message>
    <message>
        <source>Figures file for the Windows or node exporter (.prom)</source>
        <translation>Messwertdatei für den Windows- oder Node-Exporter (.prom)</translation>
    </message>
    <message>
        <source>Uptime Kuma push address (empty: none)</source>
        <translation>Push-Adresse für Uptime Kuma (leer: keine)</translation>
    </message>
    <message>
        <source>Report to Uptime Kuma every (s)</source>
        <translation>An Uptime Kuma melden alle (s)</translation>
    </message>
    <message>
        <source>Backup folder (empty: in the data folder; another drive is safer)</source>
        <translation>Sicherungsordner (leer: im Datenordner; ein anderes Laufwerk ist sicherer)</translation>
    </message>
    <message>
        <source>Back up the database daily at (HH:MM, empty: never)</source>
        <translation>Datenbank täglich sichern um (HH:MM, leer: nie)</translation>
    </message>
    <message>
        <source>Daily backups kept (days)</source>
        <translation>Tägliche Sicherungen aufbewahren (Tage)</translation>
    </message>
    <message>
        <source>Weekly backups kept (weeks)</source>
        <translation>Wöchentliche Sicherungen aufbewahren (Wochen)</translation>
    </message>
    <message>
        <source>Warn when the last good backup is older than (h, 0: off)</source>
        <translation>Warnen, wenn die letzte gute Sicherung älter ist als (Std., 0: aus)</translation>
    </message>
    <message>
        <source>Delete rotated log files older than (days, 0: never)</source>
        <translation>Alte Protokolldateien löschen nach (Tage, 0: nie)</translation>
    </message>
    <message>
        <source>Size limit of the whole log folder (MB, 0: none)</source>
        <translation>Höchstgröße des ganzen Protokollordners (MB, 0: keine)</translation>
    </message>
    <message>
        <source>Keep the connection open while the backend restarts</source>
        <translation>Verbindung offen halten, während das ERP-System neu startet</translation>
    </message>
    <message>
        <source>Keep a second backend ready to take over (bundled backend)</source>
        <translation>Ein zweites ERP-System bereithalten, das sofort übernimmt (mitgeliefertes Backend)</translation>
    </message>
    <message>
        <source>A new language applies after ERP Guardian has been restarted.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von ERP Guardian.</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Allowed: {low} to {high}.</source>
        <translation>Erlaubt: {low} bis {high}.</translation>
    </message>
    <message>
        <source>Key in config.toml: {name}. Default: {default}.</source>
        <translation>Schlüssel in config.toml: {name}. Standard: {default}.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>line {number} is not KEY=VALUE</source>
        <translation>Zeile {number} hat nicht die Form NAME=WERT</translation>
    </message>
    <message>
        <source>ERP Guardian</source>
        <translation>ERP Guardian</translation>
    </message>
    <message>
        <source>ERP system: {state}</source>
        <translation>ERP-System: {state}</translation>
    </message>
    <message>
        <source>Up for {uptime}</source>
        <translation>Läuft seit {uptime}</translation>
    </message>
    <message>
        <source>Restarts: {count}</source>
        <translation>Neustarts: {count}</translation>
    </message>
    <message>
        <source>Warnings: {count}</source>
        <translation>Warnungen: {count}</translation>
    </message>
    <message>
        <source>Last check: {ms} ms</source>
        <translation>Letzte Prüfung: {ms} ms</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>running with problems</source>
        <translation>läuft mit Problemen</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>waiting to restart</source>
        <translation>wartet auf Neustart</translation>
    </message>
    <message>
        <source>stopped after too many crashes</source>
        <translation>nach zu vielen Abstürzen angehalten</translation>
    </message>
    <message>
        <source>watchdog paused</source>
        <translation>Überwachung pausiert</translation>
    </message>
    <message>
        <source>you asked for it</source>
        <translation>auf Ihren Wunsch</translation>
    </message>
    <message>
        <source>ERP Guardian started</source>
        <translation>ERP Guardian wurde gestartet</translation>
    </message>
    <message>
        <source>it closed unexpectedly</source>
        <translation>es wurde unerwartet beendet</translation>
    </message>
    <message>
        <source>it was ended by the system or another program</source>
        <translation>es wurde vom System oder einem anderen Programm beendet</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>es hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>it did not accept connections</source>
        <translation>es hat keine Verbindungen angenommen</translation>
    </message>
    <message>
        <source>it could not be reached</source>
        <translation>es war nicht erreichbar</translation>
    </message>
    <message>
        <source>it answered with an error</source>
        <translation>es hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <source>it gave an unreadable answer</source>
        <translation>seine Antwort war unlesbar</translation>
    </message>
    <message>
        <source>the database has a problem</source>
        <translation>die Datenbank hat ein Problem</translation>
    </message>
    <message>
        <source>it answers again</source>
        <translation>es antwortet wieder</translation>
    </message>
    <message>
        <source>it stopped responding</source>
        <translation>es reagiert nicht mehr</translation>
    </message>
    <message>
        <source>it did not finish starting in time</source>
        <translation>es ist nicht rechtzeitig fertig gestartet</translation>
    </message>
    <message>
        <source>another program uses its network port</source>
        <translation>ein anderes Programm belegt seinen Netzwerk-Port</translation>
    </message>
    <message>
        <source>it could not be started</source>
        <translation>es konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>it crashed too often</source>
        <translation>es ist zu oft abgestürzt</translation>
    </message>
    <message>
        <source>the waiting time is over</source>
        <translation>die Wartezeit ist vorbei</translation>
    </message>
    <message>
        <source>it did not stop in time and was ended</source>
        <translation>es hat sich nicht rechtzeitig beendet und wurde abgebrochen</translation>
    </message>
    <message>
        <source>it has run steadily</source>
        <translation>es läuft stabil</translation>
    </message>
    <message>
        <source>ERP Guardian is closing</source>
        <translation>ERP Guardian wird beendet</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>a log file could not be written</source>
        <translation>eine Protokolldatei konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>an early warning</source>
        <translation>eine Frühwarnung</translation>
    </message>
    <message>
        <source>it used too much memory</source>
        <translation>es hat zu viel Arbeitsspeicher belegt</translation>
    </message>
    <message>
        <source>the daily restart</source>
        <translation>der tägliche Neustart</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} Std. {m:02d} min</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} T. {h} Std.</translation>
    </message>
    <message>
        <source>starting ({elapsed} of {allowed})</source>
        <translation>startet ({elapsed} von {allowed})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>ready (PID {pid})</source>
        <translation>bereit (PID {pid})</translation>
    </message>
    <message>
        <source>warming (PID {pid})</source>
        <translation>wird vorbereitet (PID {pid})</translation>
    </message>
    <message>
        <source>Standby: {state}</source>
        <translation>Ersatzprozess: {state}</translation>
    </message>
    <message>
        <source>Standby took over: {count}</source>
        <translation>Übernahmen durch den Ersatzprozess: {count}</translation>
    </message>
    <message>
        <source>Stop {name} (PID {pid})? It is not part of ERP Guardian; anything it is doing will be lost.</source>
        <translation>{name} (PID {pid}) beenden? Es gehört nicht zu ERP Guardian; was es gerade tut, geht verloren.</translation>
    </message>
    <message>
        <source>the other program</source>
        <translation>das andere Programm</translation>
    </message>
    <message>
        <source>Stop another program</source>
        <translation>Anderes Programm beenden</translation>
    </message>
</context>
<context>
    <name>BackendFigures</name>
    <message>
        <source>Processor load, last minutes</source>
        <translation>Prozessorlast der letzten Minuten</translation>
    </message>
    <message>
        <source>Memory in use, last minutes</source>
        <translation>Belegter Arbeitsspeicher der letzten Minuten</translation>
    </message>
    <message>
        <source>Memory of the ERP backend, last minutes</source>
        <translation>Arbeitsspeicher des ERP-Backends der letzten Minuten</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Processor cores</source>
        <translation>Prozessorkerne</translation>
    </message>
    <message>
        <source>Processor load</source>
        <translation>Prozessorlast</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>ERP backend process</source>
        <translation>Prozess des ERP-Backends</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Läuft seit</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Unversehrtheit</translation>
    </message>
    <message>
        <source>Query time</source>
        <translation>Abfragedauer</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>{used} of {total} ({percent})</source>
        <translation>{used} von {total} ({percent})</translation>
    </message>
    <message>
        <source>{free} free of {total}</source>
        <translation>{free} frei von {total}</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>nicht lesbar: {error}</translation>
    </message>
</context>
<context>
    <name>BackupsWindow</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Die Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Die Sicherung wird geprüft…</translation>
    </message>
    <message>
        <source>Replace the database with the backup of {time}? Everything entered since then is lost. The ERP is stopped for this and started again; the current file is kept as a copy.</source>
        <translation>Die Datenbank durch die Sicherung vom {time} ersetzen? Alles, was seitdem eingegeben wurde, geht verloren. Das ERP-System wird dafür beendet und wieder gestartet; die jetzige Datei bleibt als Kopie erhalten.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Die Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Das hat nicht geklappt: {error}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>No good backup yet.</source>
        <translation>Noch keine gute Sicherung.</translation>
    </message>
    <message>
        <source>Last good backup: less than an hour ago.</source>
        <translation>Letzte gute Sicherung: vor weniger als einer Stunde.</translation>
    </message>
    <message numerus="yes">
        <source>Last good backup: %n hour(s) ago.</source>
        <translation>
            <numerusform>Letzte gute Sicherung: vor %n Stunde.</numerusform>
            <numerusform>Letzte gute Sicherung: vor %n Stunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last good backup: %n day(s) ago.</source>
        <translation>
            <numerusform>Letzte gute Sicherung: vor %n Tag.</numerusform>
            <numerusform>Letzte gute Sicherung: vor %n Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup taken and checked.</source>
        <translation>Sicherung erstellt und geprüft.</translation>
    </message>
    <message>
        <source>The backup failed: {detail}</source>
        <translation>Die Sicherung ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>The backup is intact.</source>
        <translation>Die Sicherung ist in Ordnung.</translation>
    </message>
    <message>
        <source>The backup is damaged: {problem}</source>
        <translation>Die Sicherung ist beschädigt: {problem}</translation>
    </message>
    <message>
        <source>The backup was restored. The replaced file is kept as {kept}.</source>
        <translation>Die Sicherung wurde wiederhergestellt. Die ersetzte Datei bleibt als {kept} erhalten.</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>before a restart</source>
        <translation>vor einem Neustart</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Check and fix</source>
        <translation>Prüfen und reparieren</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Reparieren</translation>
    </message>
    <message>
        <source>Create missing folders and install what the ERP is missing.</source>
        <translation>Fehlende Ordner anlegen und installieren, was dem ERP-System fehlt.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Fixing…</source>
        <translation>Wird repariert …</translation>
    </message>
    <message>
        <source>Install missing packages</source>
        <translation>Fehlende Pakete installieren</translation>
    </message>
    <message>
        <source>The ERP needs these packages: {packages}

Install them into {python} with its pip? This can take a few minutes.</source>
        <translation>Das ERP-System braucht diese Pakete: {packages}

Sollen sie mit pip in {python} installiert werden? Das kann einige Minuten dauern.</translation>
    </message>
    <message>
        <source>The checks stopped: {error}</source>
        <translation>Die Prüfungen wurden abgebrochen: {error}</translation>
    </message>
    <message>
        <source>The fixes stopped: {error}</source>
        <translation>Die Reparaturen wurden abgebrochen: {error}</translation>
    </message>
    <message>
        <source>Done: {what}</source>
        <translation>Erledigt: {what}</translation>
    </message>
    <message>
        <source>Not done: {what}</source>
        <translation>Nicht erledigt: {what}</translation>
    </message>
    <message>
        <source>Everything is in order.</source>
        <translation>Alles ist in Ordnung.</translation>
    </message>
    <message>
        <source>{problems} problems, {notes} notes.</source>
        <translation>{problems} Probleme, {notes} Hinweise.</translation>
    </message>
    <message>
        <source>Fix repairs what can be repaired automatically.</source>
        <translation>„Reparieren“ behebt, was sich automatisch beheben lässt.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>Check and fix…</source>
        <translation>Prüfen und reparieren …</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>Protokoll öffnen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Stop that program…</source>
        <translation>Dieses Programm beenden …</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Eine Sicherung wiederherstellen…</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <source>Select an incident to read its report.</source>
        <translation>Wählen Sie einen Vorfall aus, um seinen Bericht zu lesen.</translation>
    </message>
    <message>
        <source>The incident reports could not be read: {error}</source>
        <translation>Die Vorfallberichte konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>No incidents so far: the ERP system has not failed.</source>
        <translation>Bisher keine Vorfälle: Das ERP-System ist nicht ausgefallen.</translation>
    </message>
    <message>
        <source>{count} incidents, newest first. Reports are kept in {folder}.</source>
        <translation>{count} Vorfälle, neueste zuerst. Die Berichte liegen in {folder}.</translation>
    </message>
    <message>
        <source>Report {id}</source>
        <translation>Bericht {id}</translation>
    </message>
    <message>
        <source>Reading the report…</source>
        <translation>Bericht wird gelesen …</translation>
    </message>
    <message>
        <source>The report could not be read: {error}</source>
        <translation>Der Bericht konnte nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>LogLinesView</name>
    <message>
        <source>Log lines</source>
        <translation>Protokollzeilen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>ERP Guardian: logs</source>
        <translation>ERP Guardian: Protokolle</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritische</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>Niedrigste angezeigte Stufe</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Vorheriger</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Nächster</translation>
    </message>
    <message>
        <source>&amp;Follow new lines</source>
        <translation>Neuen Zeilen &amp;folgen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>{name}: {rows} lines shown of {size}</source>
        <translation>{name}: {rows} Zeilen angezeigt von {size}</translation>
    </message>
    <message>
        <source>searching, {scanned} read</source>
        <translation>Suche läuft, {scanned} gelesen</translation>
    </message>
    <message>
        <source>scroll up for earlier lines</source>
        <translation>für frühere Zeilen nach oben scrollen</translation>
    </message>
    <message>
        <source>{count} lines match the search</source>
        <translation>{count} Zeilen passen zur Suche</translation>
    </message>
</context>
<context>
    <name>PortHolderPanel</name>
    <message>
        <source>Stop that program…</source>
        <translation>Dieses Programm beenden …</translation>
    </message>
    <message>
        <source>Use another port…</source>
        <translation>Anderen Port verwenden …</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>The ERP system cannot start because port {port} is used by {who}. You can stop that program, or let the ERP system use another port.</source>
        <translation>Das ERP-System kann nicht starten, weil Port {port} von {who} belegt ist. Sie können dieses Programm beenden oder das ERP-System einen anderen Port verwenden lassen.</translation>
    </message>
    <message>
        <source>Port {port} is held by an ERP backend left over from an earlier run ({who}).</source>
        <translation>Port {port} ist von einem ERP-Backend belegt, das von einem früheren Lauf übrig ist ({who}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>ERP Guardian: settings</source>
        <translation>ERP Guardian: Einstellungen</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Gespeichert in {file}</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>&amp;Voreinstellungen</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>max {value}</source>
        <translation>max. {value}</translation>
    </message>
    <message>
        <source>now {value}</source>
        <translation>jetzt {value}</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <source>ERP Guardian: status</source>
        <translation>ERP Guardian: Status</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>&amp;Restart backend</source>
        <translation>Backend &amp;neu starten</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reset &amp;cache</source>
        <translation>&amp;Zwischenspeicher leeren</translation>
    </message>
    <message>
        <source>Open &amp;web dashboard</source>
        <translation>&amp;Webseite öffnen</translation>
    </message>
    <message>
        <source>Restart history</source>
        <translation>Neustart-Verlauf</translation>
    </message>
    <message>
        <source>ERP system: {state}</source>
        <translation>ERP-System: {state}</translation>
    </message>
    <message>
        <source>Last good backup: none yet</source>
        <translation>Letzte gute Sicherung: noch keine</translation>
    </message>
    <message>
        <source>Last good backup: {age} ago</source>
        <translation>Letzte gute Sicherung: vor {age}</translation>
    </message>
    <message>
        <source>Figures from the backend, {age} old.</source>
        <translation>Messwerte vom Backend, {age} alt.</translation>
    </message>
    <message>
        <source>The backend does not answer ({error}); showing the last known figures.</source>
        <translation>Das Backend antwortet nicht ({error}); angezeigt werden die zuletzt bekannten Messwerte.</translation>
    </message>
    <message>
        <source>Cache cleared; fetching fresh figures.</source>
        <translation>Zwischenspeicher geleert; neue Messwerte werden geholt.</translation>
    </message>
    <message>
        <source>Could not clear the cache: {error}</source>
        <translation>Der Zwischenspeicher konnte nicht geleert werden: {error}</translation>
    </message>
</context>
<context>
    <name>SupportBundleBar</name>
    <message>
        <source>Create support bundle</source>
        <translation>Supportpaket erstellen</translation>
    </message>
    <message>
        <source>One zip file with the logs, incident reports, settings (without passwords) and facts about this computer, to send with a support request.</source>
        <translation>Eine ZIP-Datei mit Protokollen, Vorfallberichten, Einstellungen (ohne Passwörter) und Angaben zu diesem Computer, zum Mitschicken bei einer Supportanfrage.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Writing the support bundle…</source>
        <translation>Supportpaket wird geschrieben …</translation>
    </message>
    <message>
        <source>The support bundle could not be written: {error}</source>
        <translation>Das Supportpaket konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Support bundle written to {path}</source>
        <translation>Supportpaket gespeichert in {path}</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>ERP Guardian stopped guarding</source>
        <translation>ERP Guardian überwacht nicht mehr</translation>
    </message>
    <message>
        <source>The watchdog stopped because of an error: {error}</source>
        <translation>Die Überwachung wurde wegen eines Fehlers beendet: {error}</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>ERP system: {state}</source>
        <translation>ERP-System: {state}</translation>
    </message>
    <message>
        <source>Warning: {title}</source>
        <translation>Warnung: {title}</translation>
    </message>
    <message>
        <source>&amp;Status window</source>
        <translation>&amp;Statusfenster</translation>
    </message>
    <message>
        <source>&amp;Log viewer</source>
        <translation>&amp;Protokolle</translation>
    </message>
    <message>
        <source>Open &amp;web dashboard</source>
        <translation>&amp;Webseite öffnen</translation>
    </message>
    <message>
        <source>Setti&amp;ngs…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Check and fix…</source>
        <translation>Prüfen und &amp;reparieren …</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Si&amp;cherungen …</translation>
    </message>
    <message>
        <source>Open logs f&amp;older</source>
        <translation>Protokoll&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About ERP Guardian</source>
        <translation>Über ERP G&amp;uardian</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Restart backend</source>
        <translation>Backend &amp;neu starten</translation>
    </message>
    <message>
        <source>S&amp;tart backend</source>
        <translation>Backend s&amp;tarten</translation>
    </message>
    <message>
        <source>Sto&amp;p backend</source>
        <translation>Backen&amp;d beenden</translation>
    </message>
    <message>
        <source>Pa&amp;use watchdog</source>
        <translation>Überwachung p&amp;ausieren</translation>
    </message>
    <message>
        <source>Resu&amp;me watchdog</source>
        <translation>Überwachung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Stop t&amp;hat program…</source>
        <translation>Dieses Pro&amp;gramm beenden …</translation>
    </message>
    <message>
        <source>Use anoth&amp;er port…</source>
        <translation>Anderen Port &amp;verwenden …</translation>
    </message>
    <message>
        <source>Start at lo&amp;gin</source>
        <translation>Bei der Anme&amp;ldung starten</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>Port {port} is used by {who}</source>
        <translation>Port {port} wird von {who} belegt</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>Early warnings</source>
        <translation>Frühwarnungen</translation>
    </message>
    <message>
        <source>{title}: {hint} (since {since})</source>
        <translation>{title}: {hint} (seit {since})</translation>
    </message>
</context>
<context>
    <name>WatchdogFigures</name>
    <message>
        <source>Watchdog</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Läuft seit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Ersatzprozess</translation>
    </message>
    <message>
        <source>Standby took over</source>
        <translation>Übernahmen</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Ausfall</translation>
    </message>
    <message>
        <source>Next start</source>
        <translation>Nächster Start</translation>
    </message>
    <message>
        <source>{total} in total, {attempt} of {limit} in the current window</source>
        <translation>{total} insgesamt, {attempt} von {limit} im aktuellen Zeitraum</translation>
    </message>
    <message>
        <source>{time}, answered in {ms} ms</source>
        <translation>{time}, Antwort nach {ms} ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
</TS>
