<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>PasswordStrength</name>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>Use at most 128 characters.</source>
        <translation>Verwenden Sie höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>This is one of the most common passwords. Choose another one.</source>
        <translation>Das ist eines der häufigsten Passwörter. Wählen Sie ein anderes.</translation>
    </message>
    <message>
        <source>Use at least 8 characters; 15 or more is better.</source>
        <translation>Verwenden Sie mindestens 8 Zeichen; 15 oder mehr sind besser.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Fügen Sie ein oder zwei Wörter hinzu. Ungewöhnliche Wörter sind besser.</translation>
    </message>
    <message>
        <source>Good. A passphrase of 15 characters or more is even better.</source>
        <translation>Gut. Eine Passphrase mit 15 oder mehr Zeichen ist noch besser.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See every device on your account and sign any of them out.</source>
        <translation>Sehen Sie alle Geräte Ihres Kontos und melden Sie jedes davon ab.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Start the bundled demo service and sign in to its demo account.</source>
        <translation>Den mitgelieferten Demodienst starten und beim Demokonto anmelden.</translation>
    </message>
    <message>
        <source>The account server to use.</source>
        <translation>Der zu verwendende Kontoserver.</translation>
    </message>
    <message>
        <source>You signed out every device, this computer included. Sign in again to keep using Vigil.</source>
        <translation>Sie haben alle Geräte abgemeldet, auch diesen Computer. Melden Sie sich erneut an, um Vigil weiter zu verwenden.</translation>
    </message>
    <message>
        <source>The demo service stopped. Restart Vigil to start a new demo.</source>
        <translation>Der Demodienst wurde beendet. Starten Sie Vigil neu, um eine neue Demo zu beginnen.</translation>
    </message>
    <message>
        <source>Your password was changed and every device was signed out. Sign in with your new password.</source>
        <translation>Ihr Passwort wurde geändert und alle Geräte wurden abgemeldet. Melden Sie sich mit Ihrem neuen Passwort an.</translation>
    </message>
    <message>
        <source>Starting the demo service…</source>
        <translation>Der Demo-Dienst wird gestartet …</translation>
    </message>
    <message>
        <source>Signing you in again…</source>
        <translation>Sie werden erneut angemeldet …</translation>
    </message>
</context>
<context>
    <name>vigil::AccountFacts</name>
    <message>
        <source>Loading your account…</source>
        <translation>Ihr Konto wird geladen …</translation>
    </message>
</context>
<context>
    <name>vigil::ActivityChart</name>
    <message>
        <source>Sign-ins per day by country</source>
        <translation>Anmeldungen pro Tag nach Land</translation>
    </message>
    <message>
        <source>No sign-ins in the entries shown.</source>
        <translation>Keine Anmeldungen in den angezeigten Einträgen.</translation>
    </message>
    <message numerus="yes">
        <source>%n sign-in(s)</source>
        <translation>
            <numerusform>%n Anmeldung</numerusform>
            <numerusform>%n Anmeldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n day(s)</source>
        <translation>
            <numerusform>an %n Tag</numerusform>
            <numerusform>an %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n place(s): </source>
        <translation>
            <numerusform>aus %n Ort: </numerusform>
            <numerusform>aus %n Orten: </numerusform>
        </translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
</context>
<context>
    <name>vigil::ActivityCsv</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>Ländercode</translation>
    </message>
    <message>
        <source>IP Address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ActivityEntry</name>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Devices signed out</source>
        <translation>Geräte abgemeldet</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>2-step verification changed</source>
        <translation>Zwei-Faktor-Authentifizierung geändert</translation>
    </message>
    <message>
        <source>Failed verification</source>
        <translation>Fehlgeschlagene Bestätigung</translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation>Zu viele Versuche</translation>
    </message>
    <message>
        <source>Support viewed your account</source>
        <translation>Der Support hat Ihr Konto eingesehen</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed in (%1)</source>
        <translation>Angemeldet (%1)</translation>
    </message>
    <message>
        <source>A sign-in failed</source>
        <translation>Eine Anmeldung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>A sign-in failed (%1)</source>
        <translation>Eine Anmeldung ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>A verification failed</source>
        <translation>Eine Bestätigung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>A verification failed (%1)</source>
        <translation>Eine Bestätigung ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keiner angegeben</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Your password was changed</source>
        <translation>Ihr Passwort wurde geändert</translation>
    </message>
    <message>
        <source>Your 2-step verification settings were changed</source>
        <translation>Ihre Einstellungen zur Zwei-Faktor-Authentifizierung wurden geändert</translation>
    </message>
    <message>
        <source>Too many attempts; further tries were blocked for a while</source>
        <translation>Zu viele Versuche; weitere Versuche wurden vorübergehend gesperrt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Unknown location</source>
        <translation>Unbekannter Ort</translation>
    </message>
    <message>
        <source>Support signed devices out</source>
        <translation>Der Support hat Geräte abgemeldet</translation>
    </message>
    <message>
        <source>Support code created</source>
        <translation>Support-Code erstellt</translation>
    </message>
    <message>
        <source>You created a code for support</source>
        <translation>Sie haben einen Code für den Support erstellt</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Der Support</translation>
    </message>
    <message numerus="yes">
        <source>%1 signed out %n device(s) with your support code — reason: %2</source>
        <translation>
            <numerusform>%1 hat mit Ihrem Support-Code %n Gerät abgemeldet – Grund: %2</numerusform>
            <numerusform>%1 hat mit Ihrem Support-Code %n Geräte abgemeldet – Grund: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 found your account in a search — reason: %2</source>
        <translation>%1 hat Ihr Konto über eine Suche gefunden – Grund: %2</translation>
    </message>
    <message>
        <source>%1 viewed your account — reason: %2</source>
        <translation>%1 hat Ihr Konto eingesehen – Grund: %2</translation>
    </message>
    <message>
        <source>%1 viewed your sign-in history — reason: %2</source>
        <translation>%1 hat Ihren Anmeldeverlauf eingesehen – Grund: %2</translation>
    </message>
    <message>
        <source>%1 viewed your activity — reason: %2</source>
        <translation>%1 hat Ihre Aktivität eingesehen – Grund: %2</translation>
    </message>
    <message>
        <source>%1 viewed your devices — reason: %2</source>
        <translation>%1 hat Ihre Geräte eingesehen – Grund: %2</translation>
    </message>
    <message>
        <source>TV signed in</source>
        <translation>Fernseher angemeldet</translation>
    </message>
    <message>
        <source>TV sign-in refused</source>
        <translation>Fernseher-Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Wrong TV code</source>
        <translation>Falscher Fernseher-Code</translation>
    </message>
    <message>
        <source>Guest access changed</source>
        <translation>Gastzugang geändert</translation>
    </message>
    <message>
        <source>Guest access ended</source>
        <translation>Gastzugang beendet</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>You signed in %1 as a guest until %2</source>
        <translation>Sie haben %1 als Gast bis %2 angemeldet</translation>
    </message>
    <message>
        <source>You signed in %1 until you sign it out</source>
        <translation>Sie haben %1 angemeldet, bis Sie es abmelden</translation>
    </message>
    <message>
        <source>You refused a TV sign-in from %1</source>
        <translation>Sie haben die Anmeldung eines Fernsehers aus %1 abgelehnt</translation>
    </message>
    <message>
        <source>Someone entered a TV code that did not match</source>
        <translation>Jemand hat einen Fernseher-Code eingegeben, der nicht passte</translation>
    </message>
    <message>
        <source>You changed guest access for %1 to end %2</source>
        <translation>Sie haben den Gastzugang für %1 geändert: Ende %2</translation>
    </message>
    <message>
        <source>You changed guest access for %1</source>
        <translation>Sie haben den Gastzugang für %1 geändert</translation>
    </message>
    <message>
        <source>Guest access for %1 ended</source>
        <translation>Der Gastzugang für %1 ist beendet</translation>
    </message>
</context>
<context>
    <name>vigil::ActivityFilterBar</name>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebiger Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Ereignis:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
</context>
<context>
    <name>vigil::ActivityModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>IP Address</source>
        <translation>IP-Adresse</translation>
    </message>
</context>
<context>
    <name>vigil::ActivityPage</name>
    <message>
        <source>Show All</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Load More</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Export Activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the entries shown as a spreadsheet file</source>
        <translation>Die angezeigten Einträge als Tabellendatei speichern</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Sign-ins and other security events on your account.</source>
        <translation>Anmeldungen und andere Sicherheitsereignisse in Ihrem Konto.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n Ereignis angezeigt</numerusform>
            <numerusform>%n Ereignisse angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to see your account&apos;s activity.</source>
        <translation>Melden Sie sich an, um die Aktivität Ihres Kontos zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Loading your activity…</source>
        <translation>Ihre Aktivität wird geladen …</translation>
    </message>
    <message>
        <source>The activity could not be loaded.</source>
        <translation>Die Aktivität konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>No activity matches these filters.</source>
        <translation>Keine Aktivität entspricht diesen Filtern.</translation>
    </message>
    <message>
        <source>Nothing has happened on your account yet. Sign-ins, sign-outs and changes to your security settings show here.</source>
        <translation>In Ihrem Konto ist noch nichts passiert. Anmeldungen, Abmeldungen und Änderungen an Ihren Sicherheitseinstellungen erscheinen hier.</translation>
    </message>
    <message>
        <source>vigil-activity-%1.csv</source>
        <translation>vigil-aktivitaet-%1.csv</translation>
    </message>
    <message>
        <source>Choose another folder and try again.</source>
        <translation>Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Older entries were not loaded yet: use Load More first to include them.</source>
        <translation>Ältere Einträge wurden noch nicht geladen: Verwenden Sie zuerst „Mehr laden“, um sie einzuschließen.</translation>
    </message>
    <message>
        <source>Sign-ins and other security events on the customer&apos;s account. Read-only.</source>
        <translation>Anmeldungen und andere Sicherheitsereignisse im Konto des Kunden. Nur zur Ansicht.</translation>
    </message>
</context>
<context>
    <name>vigil::AddSecurityKeyDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Add a Security Key</source>
        <translation>Sicherheitsschlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation>Sicherheitsschlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Your key is ready. Give it a name you&apos;ll recognize, such as where you keep it.</source>
        <translation>Ihr Schlüssel ist bereit. Geben Sie ihm einen Namen, an dem Sie ihn erkennen, etwa wo Sie ihn aufbewahren.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Security key name</source>
        <translation>Name des Sicherheitsschlüssels</translation>
    </message>
    <message>
        <source>Security key added</source>
        <translation>Sicherheitsschlüssel hinzugefügt</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Security key problem</source>
        <translation>Problem mit dem Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Confirm It&apos;s You…</source>
        <translation>Bestätigen, dass Sie es sind …</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Add Key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>“%1” is added. The next time Vigil asks you to confirm it&apos;s you, you can use this key.</source>
        <translation>„%1“ ist hinzugefügt. Wenn Vigil Sie das nächste Mal bittet zu bestätigen, dass Sie es sind, können Sie diesen Schlüssel verwenden.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Before Vigil adds a security key, confirm that it&apos;s you.</source>
        <translation>Bestätigen Sie, dass Sie es sind, bevor Vigil einen Sicherheitsschlüssel hinzufügt.</translation>
    </message>
</context>
<context>
    <name>vigil::ApiError</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil can&apos;t reach the server.</source>
        <translation>Vigil kann den Server nicht erreichen.</translation>
    </message>
    <message>
        <source>The server took too long to answer.</source>
        <translation>Der Server hat zu lange nicht geantwortet.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate couldn&apos;t be verified, so Vigil didn&apos;t connect.</source>
        <translation>Das Sicherheitszertifikat des Servers konnte nicht überprüft werden, daher hat Vigil keine Verbindung hergestellt.</translation>
    </message>
    <message>
        <source>The server sent an answer Vigil doesn&apos;t understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Vigil nicht versteht.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The email or password is incorrect.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>This account uses 2-step verification.</source>
        <translation>Dieses Konto verwendet die Zwei-Faktor-Authentifizierung.</translation>
    </message>
    <message>
        <source>That verification code isn&apos;t right.</source>
        <translation>Dieser Bestätigungscode ist nicht richtig.</translation>
    </message>
    <message>
        <source>You&apos;re signed out.</source>
        <translation>Sie sind abgemeldet.</translation>
    </message>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>Ihre Anmeldung ist abgelaufen.</translation>
    </message>
    <message>
        <source>This device was signed out of your account.</source>
        <translation>Dieses Gerät wurde von Ihrem Konto abgemeldet.</translation>
    </message>
    <message>
        <source>Your saved sign-in is no longer valid.</source>
        <translation>Ihre gespeicherte Anmeldung ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Vigil needs to confirm it&apos;s you first.</source>
        <translation>Vigil muss zuerst bestätigen, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Too many attempts.</source>
        <translation>Zu viele Versuche.</translation>
    </message>
    <message>
        <source>The server couldn&apos;t process Vigil&apos;s request.</source>
        <translation>Der Server konnte die Anfrage von Vigil nicht verarbeiten.</translation>
    </message>
    <message>
        <source>The server didn&apos;t accept what was entered.</source>
        <translation>Der Server hat die Eingabe nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The server didn&apos;t accept the %1 that was entered.</source>
        <translation>Der Server hat die Eingabe für „%1“ nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The server couldn&apos;t find what Vigil asked for.</source>
        <translation>Der Server konnte nicht finden, was Vigil angefragt hat.</translation>
    </message>
    <message>
        <source>Your account isn&apos;t allowed to do that.</source>
        <translation>Ihr Konto darf das nicht.</translation>
    </message>
    <message>
        <source>The server ran into a problem.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>Check your internet connection and the server address, then try again.</source>
        <translation>Prüfen Sie Ihre Internetverbindung und die Serveradresse und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Check your connection and try again.</source>
        <translation>Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Check the server address. If it&apos;s right, ask the server&apos;s administrator about its certificate.</source>
        <translation>Prüfen Sie die Serveradresse. Wenn sie stimmt, fragen Sie die Administration des Servers nach dessen Zertifikat.</translation>
    </message>
    <message>
        <source>Check the server address. If it&apos;s right, try again later.</source>
        <translation>Prüfen Sie die Serveradresse. Wenn sie stimmt, versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Try again when you&apos;re ready.</source>
        <translation>Versuchen Sie es erneut, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>Check both and try again.</source>
        <translation>Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Geben Sie den Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>No tries are left for this code. Start again.</source>
        <translation>Für diesen Code sind keine Versuche mehr übrig. Beginnen Sie von vorn.</translation>
    </message>
    <message numerus="yes">
        <source>Enter the current code from your authenticator app (%n attempt(s) left).</source>
        <translation>
            <numerusform>Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein (noch %n Versuch).</numerusform>
            <numerusform>Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein (noch %n Versuche).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the current code from your authenticator app. Codes change every 30 seconds.</source>
        <translation>Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein. Die Codes ändern sich alle 30 Sekunden.</translation>
    </message>
    <message>
        <source>Sign in again to continue.</source>
        <translation>Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Verify it&apos;s you, then try again.</source>
        <translation>Bestätigen Sie, dass Sie es sind, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Wait %1, then try again.</source>
        <translation>Warten Sie %1 und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Wait a few minutes, then try again.</source>
        <translation>Warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, this version of Vigil may not match the server.</source>
        <translation>Versuchen Sie es erneut. Wenn das Problem bleibt, passt diese Version von Vigil möglicherweise nicht zum Server.</translation>
    </message>
    <message>
        <source>Check what you entered and try again.</source>
        <translation>Prüfen Sie Ihre Eingabe und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Refresh, and check the server address if it keeps happening.</source>
        <translation>Aktualisieren Sie und prüfen Sie die Serveradresse, falls das Problem bleibt.</translation>
    </message>
    <message>
        <source>Sign in with an account that has access.</source>
        <translation>Melden Sie sich mit einem Konto an, das Zugriff hat.</translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation>Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>This device signed in to your account only recently, so until %1 it can&apos;t sign out your other devices or change security settings. This keeps someone who has your password from locking you out.</source>
        <translation>Dieses Gerät hat sich erst vor Kurzem bei Ihrem Konto angemeldet. Bis %1 kann es deshalb Ihre anderen Geräte nicht abmelden und keine Sicherheitseinstellungen ändern. So kann niemand, der Ihr Passwort kennt, Sie aussperren.</translation>
    </message>
    <message>
        <source>This device signed in to your account only recently, so for now it can&apos;t sign out your other devices or change security settings. This keeps someone who has your password from locking you out.</source>
        <translation>Dieses Gerät hat sich erst vor Kurzem bei Ihrem Konto angemeldet. Deshalb kann es vorerst Ihre anderen Geräte nicht abmelden und keine Sicherheitseinstellungen ändern. So kann niemand, der Ihr Passwort kennt, Sie aussperren.</translation>
    </message>
    <message>
        <source>Use a device you&apos;ve signed in on before, or confirm this one from it.</source>
        <translation>Verwenden Sie ein Gerät, auf dem Sie schon früher angemeldet waren, oder bestätigen Sie dieses Gerät von dort aus.</translation>
    </message>
    <message>
        <source>The server is busy right now.</source>
        <translation>Der Server ist gerade ausgelastet.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>vigil::AuthenticatorText</name>
    <message>
        <source>Insert your security key and touch it.</source>
        <translation>Stecken Sie Ihren Sicherheitsschlüssel ein und berühren Sie ihn.</translation>
    </message>
    <message>
        <source>No security key found. Insert your security key.</source>
        <translation>Kein Sicherheitsschlüssel gefunden. Stecken Sie Ihren Sicherheitsschlüssel ein.</translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation>Berühren Sie jetzt Ihren Sicherheitsschlüssel.</translation>
    </message>
    <message>
        <source>Enter your security key&apos;s PIN.</source>
        <translation>Geben Sie die PIN Ihres Sicherheitsschlüssels ein.</translation>
    </message>
    <message numerus="yes">
        <source>That PIN isn&apos;t right. %n attempt(s) left before the key is blocked.</source>
        <translation>
            <numerusform>Diese PIN ist nicht richtig. Noch %n Versuch, bevor der Schlüssel gesperrt wird.</numerusform>
            <numerusform>Diese PIN ist nicht richtig. Noch %n Versuche, bevor der Schlüssel gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>That PIN isn&apos;t right. Try again.</source>
        <translation>Diese PIN ist nicht richtig. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>No security key was found. Insert it and try again.</source>
        <translation>Es wurde kein Sicherheitsschlüssel gefunden. Stecken Sie ihn ein und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Your security key is blocked: its PIN was entered wrongly too often. It must be reset before it can be used again. Choose another way to confirm.</source>
        <translation>Ihr Sicherheitsschlüssel ist gesperrt: Seine PIN wurde zu oft falsch eingegeben. Er muss zurückgesetzt werden, bevor er wieder verwendet werden kann. Wählen Sie eine andere Art der Bestätigung.</translation>
    </message>
    <message>
        <source>Your security key is locked after several wrong PINs. Remove it, insert it again and try again.</source>
        <translation>Ihr Sicherheitsschlüssel ist nach mehreren falschen PINs gesperrt. Ziehen Sie ihn ab, stecken Sie ihn wieder ein und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Your security key wasn&apos;t touched in time. Try again.</source>
        <translation>Ihr Sicherheitsschlüssel wurde nicht rechtzeitig berührt. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>This security key isn&apos;t one of your account&apos;s keys. Try another key.</source>
        <translation>Dieser Sicherheitsschlüssel gehört nicht zu Ihrem Konto. Versuchen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>This security key is already added to your account.</source>
        <translation>Dieser Sicherheitsschlüssel ist Ihrem Konto bereits hinzugefügt.</translation>
    </message>
    <message>
        <source>This security key doesn&apos;t support what Vigil needs. Try another key.</source>
        <translation>Dieser Sicherheitsschlüssel unterstützt nicht, was Vigil braucht. Versuchen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>Your security key didn&apos;t answer. Remove it, insert it again and try again.</source>
        <translation>Ihr Sicherheitsschlüssel hat nicht geantwortet. Ziehen Sie ihn ab, stecken Sie ihn wieder ein und versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>vigil::ConfirmActions</name>
    <message>
        <source>Before Vigil confirms “%1” as one of your devices, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil „%1“ als eines Ihrer Geräte bestätigt, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>“%1” wasn&apos;t confirmed. %2</source>
        <translation>„%1“ wurde nicht bestätigt. %2</translation>
    </message>
</context>
<context>
    <name>vigil::ConnectionBanner</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Retry connection</source>
        <translation>Verbindung erneut versuchen</translation>
    </message>
    <message>
        <source>Connect to the account service again now</source>
        <translation>Jetzt erneut mit dem Kontodienst verbinden</translation>
    </message>
    <message>
        <source>Changes on your devices show here as they happen.</source>
        <translation>Änderungen an Ihren Geräten erscheinen hier, sobald sie geschehen.</translation>
    </message>
    <message>
        <source>Changes may not show until Vigil reconnects.</source>
        <translation>Änderungen erscheinen möglicherweise erst, wenn Vigil wieder verbunden ist.</translation>
    </message>
</context>
<context>
    <name>vigil::CredentialError</name>
    <message>
        <source>No saved sign-in was found.</source>
        <translation>Es wurde keine gespeicherte Anmeldung gefunden.</translation>
    </message>
    <message>
        <source>Vigil couldn&apos;t find a keychain on this computer, so it can&apos;t remember your sign-in. You&apos;ll be asked to sign in again next time.</source>
        <translation>Vigil hat auf diesem Computer keinen Schlüsselbund gefunden und kann sich Ihre Anmeldung daher nicht merken. Beim nächsten Mal werden Sie erneut zur Anmeldung aufgefordert.</translation>
    </message>
    <message>
        <source>Vigil wasn&apos;t allowed to use your keychain, so it can&apos;t remember your sign-in. Unlock the keychain to let Vigil remember you.</source>
        <translation>Vigil durfte Ihren Schlüsselbund nicht verwenden und kann sich Ihre Anmeldung daher nicht merken. Entsperren Sie den Schlüsselbund, damit Vigil Sie angemeldet lässt.</translation>
    </message>
</context>
<context>
    <name>vigil::DemoInboxWindow</name>
    <message>
        <source>Demo Inbox — Vigil</source>
        <translation>Demo-Posteingang – Vigil</translation>
    </message>
    <message>
        <source>Demo inbox</source>
        <translation>Demo-Posteingang</translation>
    </message>
    <message>
        <source>Demo feature. The demo service doesn&apos;t send email or text messages; the codes it would have sent appear here. With a real account they go to your email or phone.</source>
        <translation>Demofunktion. Der Demodienst verschickt keine E-Mails oder SMS; die Codes, die er gesendet hätte, erscheinen hier. Bei einem echten Konto gehen sie an Ihre E-Mail-Adresse oder Ihr Telefon.</translation>
    </message>
    <message>
        <source>Demo inbox state</source>
        <translation>Status des Demo-Posteingangs</translation>
    </message>
    <message>
        <source>Demo inbox messages</source>
        <translation>Nachrichten im Demo-Posteingang</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Copy Code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>No codes yet. When Vigil asks you for a code sent by email or text message, it appears here.</source>
        <translation>Noch keine Codes. Wenn Vigil Sie nach einem per E-Mail oder SMS gesendeten Code fragt, erscheint er hier.</translation>
    </message>
    <message>
        <source>Newest first. Double-click a message to copy its code.</source>
        <translation>Neueste zuerst. Doppelklicken Sie auf eine Nachricht, um ihren Code zu kopieren.</translation>
    </message>
    <message>
        <source>Text to %1</source>
        <translation>SMS an %1</translation>
    </message>
    <message>
        <source>Email to %1</source>
        <translation>E-Mail an %1</translation>
    </message>
    <message>
        <source>Code copied.</source>
        <translation>Code kopiert.</translation>
    </message>
</context>
<context>
    <name>vigil::DemoOutbox</name>
    <message>
        <source>Couldn&apos;t read the demo inbox: %1</source>
        <translation>Der Demo-Posteingang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The demo inbox answered with too much data.</source>
        <translation>Der Demo-Posteingang hat mit zu vielen Daten geantwortet.</translation>
    </message>
    <message>
        <source>The demo inbox answered with something Vigil doesn&apos;t understand.</source>
        <translation>Der Demo-Posteingang hat mit etwas geantwortet, das Vigil nicht versteht.</translation>
    </message>
</context>
<context>
    <name>vigil::DemoService</name>
    <message>
        <source>The demo service didn&apos;t start in time.</source>
        <translation>Der Demodienst wurde nicht rechtzeitig gestartet.</translation>
    </message>
    <message>
        <source>Vigil couldn&apos;t find its demo service at %1. Reinstall Vigil, or connect to a server with --server.</source>
        <translation>Vigil hat seinen Demodienst unter %1 nicht gefunden. Installieren Sie Vigil neu oder verbinden Sie sich mit --server mit einem Server.</translation>
    </message>
    <message>
        <source>Vigil couldn&apos;t create a temporary folder for the demo: %1</source>
        <translation>Vigil konnte keinen temporären Ordner für die Demo anlegen: %1</translation>
    </message>
    <message>
        <source>The demo service couldn&apos;t be started: %1</source>
        <translation>Der Demodienst konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The demo service stopped before it was ready (exit code %1).</source>
        <translation>Der Demodienst wurde beendet, bevor er bereit war (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>vigil::DesktopNotifier</name>
    <message>
        <source>Show Devices</source>
        <translation>Geräte anzeigen</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Yes, It Was Me…</source>
        <translation>Ja, das war ich …</translation>
    </message>
    <message>
        <source>No, Sign It Out…</source>
        <translation>Nein, abmelden …</translation>
    </message>
</context>
<context>
    <name>vigil::Device</name>
    <message>
        <source>TV</source>
        <translation>Fernseher</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Game console</source>
        <translation>Spielkonsole</translation>
    </message>
    <message>
        <source>Web browser</source>
        <translation>Webbrowser</translation>
    </message>
    <message>
        <source>Set-top box</source>
        <translation>Set-Top-Box</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Anderes Gerät</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Streamt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Im Leerlauf</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Unnamed device</source>
        <translation>Unbenanntes Gerät</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>city, country</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Unknown location</source>
        <translation>Unbekannter Ort</translation>
    </message>
    <message>
        <source>Will be signed out within a day</source>
        <translation>Wird innerhalb eines Tages abgemeldet</translation>
    </message>
    <message numerus="yes">
        <source>Will be signed out in %n day(s)</source>
        <translation>
            <numerusform>Wird in %n Tag abgemeldet</numerusform>
            <numerusform>Wird in %n Tagen abgemeldet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::DeviceDetailsPane</name>
    <message>
        <source>Device details</source>
        <translation>Gerätedetails</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Give this device a name you will recognize</source>
        <translation>Geben Sie diesem Gerät einen Namen, an dem Sie es wiedererkennen</translation>
    </message>
    <message>
        <source>New device name</source>
        <translation>Neuer Gerätename</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Namen speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel rename</source>
        <translation>Umbenennen abbrechen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>First sign-in</source>
        <translation>Erste Anmeldung</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>App:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP-Adresse:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Last active:</source>
        <translation>Zuletzt aktiv:</translation>
    </message>
    <message>
        <source>First sign-in:</source>
        <translation>Erste Anmeldung:</translation>
    </message>
    <message>
        <source>Sign-in history</source>
        <translation>Anmeldeverlauf</translation>
    </message>
    <message>
        <source>Don&apos;t recognize this device?</source>
        <translation>Sie erkennen dieses Gerät nicht?</translation>
    </message>
    <message>
        <source>What to do when someone else may be using your account</source>
        <translation>Was zu tun ist, wenn jemand anderes Ihr Konto verwenden könnte</translation>
    </message>
    <message>
        <source>Couldn&apos;t load the sign-in history. %1</source>
        <translation>Der Anmeldeverlauf konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Loading sign-in history…</source>
        <translation>Anmeldeverlauf wird geladen …</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>Kein Gerät ausgewählt</translation>
    </message>
    <message>
        <source>Select a device to see its details.</source>
        <translation>Wählen Sie ein Gerät aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>%1 (This device)</source>
        <translation>%1 (Dieses Gerät)</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>No activity yet</source>
        <translation>Noch keine Aktivität</translation>
    </message>
    <message>
        <source>Some details of this device are missing or unreadable: %1</source>
        <translation>Einige Details dieses Geräts fehlen oder sind unlesbar: %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Unknown time</source>
        <translation>Unbekannte Zeit</translation>
    </message>
    <message>
        <source>Unknown address</source>
        <translation>Unbekannte Adresse</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No sign-ins recorded.</source>
        <translation>Keine Anmeldungen verzeichnet.</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>Neues Gerät</translation>
    </message>
    <message>
        <source>This device signed in recently. Until %1 it can&apos;t sign out your other devices or change security settings, unless you confirm it from a device you&apos;ve signed in on before.</source>
        <translation>Dieses Gerät hat sich erst kürzlich angemeldet. Bis %1 kann es Ihre anderen Geräte nicht abmelden und keine Sicherheitseinstellungen ändern, es sei denn, Sie bestätigen es auf einem Gerät, auf dem Sie schon früher angemeldet waren.</translation>
    </message>
    <message>
        <source>New: signed in recently and not confirmed. Until %1 it can&apos;t sign out your other devices or change security settings. If it&apos;s yours, confirm it; if not, sign it out.</source>
        <translation>Neu: kürzlich angemeldet und nicht bestätigt. Bis %1 kann es Ihre anderen Geräte nicht abmelden und keine Sicherheitseinstellungen ändern. Wenn es Ihres ist, bestätigen Sie es; wenn nicht, melden Sie es ab.</translation>
    </message>
    <message>
        <source>This computer signed in recently, so until %1 it can&apos;t sign this device out or confirm it. Use a device you&apos;ve signed in on before.</source>
        <translation>Dieser Computer hat sich erst kürzlich angemeldet. Bis %1 kann er dieses Gerät daher weder abmelden noch bestätigen. Verwenden Sie ein Gerät, auf dem Sie schon früher angemeldet waren.</translation>
    </message>
</context>
<context>
    <name>vigil::DeviceFilterPreset</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>Jetzt aktiv</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Streamt</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Im Leerlauf</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Inactive 90+ days</source>
        <translation>Über 90 Tage inaktiv</translation>
    </message>
    <message>
        <source>Unfamiliar location</source>
        <translation>Ungewohnter Ort</translation>
    </message>
    <message>
        <source>Devices connected right now: streaming, paused or idle.</source>
        <translation>Geräte, die gerade verbunden sind: streamend, pausiert oder im Leerlauf.</translation>
    </message>
    <message>
        <source>Devices playing something right now.</source>
        <translation>Geräte, die gerade etwas abspielen.</translation>
    </message>
    <message>
        <source>Devices connected but not playing anything.</source>
        <translation>Geräte, die verbunden sind, aber nichts abspielen.</translation>
    </message>
    <message>
        <source>Devices still signed in but not connected now.</source>
        <translation>Geräte, die noch angemeldet, aber gerade nicht verbunden sind.</translation>
    </message>
    <message>
        <source>Devices nobody has used for 90 days or more. Consider signing them out.</source>
        <translation>Geräte, die seit 90 Tagen oder länger niemand verwendet hat. Erwägen Sie, sie abzumelden.</translation>
    </message>
    <message>
        <source>Devices in countries your account doesn&apos;t usually use.</source>
        <translation>Geräte in Ländern, in denen Ihr Konto sonst nicht verwendet wird.</translation>
    </message>
    <message>
        <source>No devices match</source>
        <translation>Keine passenden Geräte</translation>
    </message>
    <message>
        <source>No devices are active now</source>
        <translation>Gerade sind keine Geräte aktiv</translation>
    </message>
    <message>
        <source>No devices are streaming</source>
        <translation>Keine Geräte streamen</translation>
    </message>
    <message>
        <source>No idle devices</source>
        <translation>Keine Geräte im Leerlauf</translation>
    </message>
    <message>
        <source>No offline devices</source>
        <translation>Keine Offline-Geräte</translation>
    </message>
    <message>
        <source>No devices inactive for 90+ days</source>
        <translation>Keine Geräte seit über 90 Tagen inaktiv</translation>
    </message>
    <message>
        <source>No devices in unfamiliar locations</source>
        <translation>Keine Geräte an ungewohnten Orten</translation>
    </message>
    <message>
        <source>Every device that is signed in.</source>
        <translation>Alle Geräte, die angemeldet sind.</translation>
    </message>
    <message>
        <source>New, not confirmed</source>
        <translation>Neu, nicht bestätigt</translation>
    </message>
    <message>
        <source>Devices that signed in recently and that you haven&apos;t confirmed. Confirm the ones you know; sign out the others.</source>
        <translation>Geräte, die sich kürzlich angemeldet haben und die Sie noch nicht bestätigt haben. Bestätigen Sie die, die Sie kennen; melden Sie die anderen ab.</translation>
    </message>
    <message>
        <source>No new devices to confirm</source>
        <translation>Keine neuen Geräte zu bestätigen</translation>
    </message>
</context>
<context>
    <name>vigil::DeviceListModel</name>
    <message>
        <source>streaming</source>
        <translation>streamt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>Status unbekannt</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (dieses Gerät)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>device name, status</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, profile %2</source>
        <translation>%1, Profil %2</translation>
    </message>
    <message>
        <source>%1, incomplete data</source>
        <translation>%1, unvollständige Daten</translation>
    </message>
    <message>
        <source>no activity yet, %1</source>
        <translation>noch keine Aktivität, %1</translation>
    </message>
    <message>
        <source>last active %1, %2</source>
        <translation>zuletzt aktiv %1, %2</translation>
    </message>
    <message>
        <source>Some details of this device are missing or unreadable: %1</source>
        <translation>Einige Details dieses Geräts fehlen oder sind unlesbar: %1</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>%1 “%2” on profile %3</source>
        <translation>%1 „%2“ im Profil %3</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Last Active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>IP Address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>First Sign-In</source>
        <translation>Erste Anmeldung</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Kein Profil</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Nicht bekannt</translation>
    </message>
    <message>
        <source>%1, new, not confirmed yet</source>
        <translation>%1, neu, noch nicht bestätigt</translation>
    </message>
</context>
<context>
    <name>vigil::DeviceService</name>
    <message>
        <source>Unknown location</source>
        <translation>Unbekannter Ort</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Authenticator-App</translation>
    </message>
    <message>
        <source>Text message code</source>
        <translation>SMS-Code</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>E-Mail-Code</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Stayed signed in</source>
        <translation>Angemeldet geblieben</translation>
    </message>
    <message>
        <source>Unknown method</source>
        <translation>Unbekannte Methode</translation>
    </message>
    <message>
        <source>Enter a name for the device.</source>
        <translation>Geben Sie einen Namen für das Gerät ein.</translation>
    </message>
    <message>
        <source>Use at most 64 characters (this name has %1).</source>
        <translation>Verwenden Sie höchstens 64 Zeichen (dieser Name hat %1).</translation>
    </message>
    <message>
        <source>The name can&apos;t contain control characters.</source>
        <translation>Der Name darf keine Steuerzeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>vigil::DeviceTableModel</name>
    <message>
        <source>%1 (This device)</source>
        <translation>%1 (Dieses Gerät)</translation>
    </message>
    <message>
        <source>Inactive for 90+ days</source>
        <translation>Seit über 90 Tagen inaktiv</translation>
    </message>
</context>
<context>
    <name>vigil::DevicesPage</name>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Every device signed in to your account, live.</source>
        <translation>Alle bei Ihrem Konto angemeldeten Geräte, live.</translation>
    </message>
    <message>
        <source>Filter devices</source>
        <translation>Geräte filtern</translation>
    </message>
    <message>
        <source>Search devices</source>
        <translation>Geräte suchen</translation>
    </message>
    <message>
        <source>Search by name, place, profile, IP…</source>
        <translation>Nach Name, Ort, Profil, IP suchen …</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Filter description</source>
        <translation>Filterbeschreibung</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>No devices</source>
        <translation>Keine Geräte</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Couldn&apos;t load your devices. %1</source>
        <translation>Ihre Geräte konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Loading your devices…</source>
        <translation>Ihre Geräte werden geladen …</translation>
    </message>
    <message>
        <source>Couldn&apos;t refresh the list; showing what Vigil knew before. %1</source>
        <translation>Die Liste konnte nicht aktualisiert werden; angezeigt wird der vorherige Stand. %1</translation>
    </message>
    <message>
        <source>No devices are signed in to your account. Devices appear here as soon as they sign in.</source>
        <translation>Bei Ihrem Konto sind keine Geräte angemeldet. Geräte erscheinen hier, sobald sie sich anmelden.</translation>
    </message>
    <message>
        <source>No devices match “%1”</source>
        <translation>Keine Geräte passen zu „%1“</translation>
    </message>
    <message>
        <source>Sign Out Selected Devices</source>
        <translation>Ausgewählte Geräte abmelden</translation>
    </message>
    <message>
        <source>Sign out the devices selected in the list (Delete)</source>
        <translation>Die in der Liste ausgewählten Geräte abmelden (Entf)</translation>
    </message>
    <message>
        <source>Sign Out of All Devices…</source>
        <translation>Alle Geräte abmelden …</translation>
    </message>
    <message>
        <source>Sign Out…</source>
        <translation>Abmelden …</translation>
    </message>
    <message>
        <source>Sign Out This Device…</source>
        <translation>Dieses Gerät abmelden …</translation>
    </message>
    <message>
        <source>Sign Out This Device</source>
        <translation>Dieses Gerät abmelden</translation>
    </message>
    <message>
        <source>Sign this device out of your account. Its profiles and history are kept.</source>
        <translation>Dieses Gerät von Ihrem Konto abmelden. Profile und Verlauf bleiben erhalten.</translation>
    </message>
    <message>
        <source>Sign Out Selected (%1)…</source>
        <translation>Ausgewählte abmelden (%1) …</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Every device signed in to the customer&apos;s account. Read-only: nothing here changes it.</source>
        <translation>Alle beim Konto des Kunden angemeldeten Geräte. Nur zur Ansicht: Hier wird nichts daran geändert.</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>Bestätigen …</translation>
    </message>
    <message>
        <source>Confirm This Device</source>
        <translation>Dieses Gerät bestätigen</translation>
    </message>
    <message>
        <source>This device is yours: it stops being new and can do what your other devices can.</source>
        <translation>Dieses Gerät gehört Ihnen: Es ist dann nicht mehr neu und kann alles, was Ihre anderen Geräte können.</translation>
    </message>
    <message>
        <source>“%1” is confirmed as one of your devices. It is no longer new.</source>
        <translation>„%1“ ist als eines Ihrer Geräte bestätigt. Es ist nicht mehr neu.</translation>
    </message>
</context>
<context>
    <name>vigil::EventStream</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation>Neue Verbindung in %1 s …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline — showing data from %1</source>
        <translation>Offline – Daten von %1</translation>
    </message>
</context>
<context>
    <name>vigil::GuestAccessBar</name>
    <message>
        <source>Guest access</source>
        <translation>Gastzugang</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>Verlängern…</translation>
    </message>
    <message>
        <source>Extend Guest Access</source>
        <translation>Gastzugang verlängern</translation>
    </message>
    <message>
        <source>Choose another end for this guest&apos;s access, later or sooner</source>
        <translation>Ein anderes Ende für den Zugang dieses Gastes wählen, später oder früher</translation>
    </message>
    <message>
        <source>End Now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>End Guest Access Now</source>
        <translation>Gastzugang jetzt beenden</translation>
    </message>
    <message>
        <source>Sign this guest out now</source>
        <translation>Diesen Gast jetzt abmelden</translation>
    </message>
</context>
<context>
    <name>vigil::GuestEnd</name>
    <message>
        <source>Tonight</source>
        <translation>Heute Nacht</translation>
    </message>
    <message>
        <source>2 Days</source>
        <translation>2 Tage</translation>
    </message>
    <message>
        <source>A Week</source>
        <translation>Eine Woche</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene Zeit</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>weekday, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>weniger als einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) %1 h</source>
        <translation>
            <numerusform>%n Tag %1 h</numerusform>
            <numerusform>%n Tagen %1 h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Guest · signing out…</source>
        <translation>Gast · wird abgemeldet…</translation>
    </message>
    <message>
        <source>Guest · signs out in %1</source>
        <translation>Gast · wird abgemeldet in %1</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <comment>guest row text, end</comment>
        <translation>%1 (bis %2)</translation>
    </message>
</context>
<context>
    <name>vigil::GuestEndPicker</name>
    <message>
        <source>Custom end</source>
        <translation>Eigenes Ende</translation>
    </message>
    <message>
        <source>Any time from 1 hour to 30 days from now</source>
        <translation>Jede Zeit zwischen 1 Stunde und 30 Tagen ab jetzt</translation>
    </message>
    <message>
        <source>Custom:</source>
        <translation>Eigene Zeit:</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <comment>preset, end</comment>
        <translation>%1 (bis %2)</translation>
    </message>
</context>
<context>
    <name>vigil::GuestEndings</name>
    <message>
        <source>Guest access ended</source>
        <translation>Gastzugang beendet</translation>
    </message>
    <message>
        <source>Guest access for a device ended</source>
        <translation>Der Gastzugang eines Geräts ist beendet</translation>
    </message>
    <message>
        <source>Guest access for %1 ended</source>
        <translation>Der Gastzugang für %1 ist beendet</translation>
    </message>
</context>
<context>
    <name>vigil::GuestExtendDialog</name>
    <message>
        <source>Change Guest Access</source>
        <translation>Gastzugang ändern</translation>
    </message>
    <message>
        <source>Change guest access</source>
        <translation>Gastzugang ändern</translation>
    </message>
    <message>
        <source>%1 signs out by itself %2. Choose when its guest access ends instead.</source>
        <translation>%1 wird %2 von selbst abgemeldet. Wählen Sie, wann der Gastzugang stattdessen endet.</translation>
    </message>
    <message>
        <source>Current end</source>
        <translation>Aktuelles Ende</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save guest end</source>
        <translation>Ende des Gastzugangs speichern</translation>
    </message>
    <message>
        <source>Before Vigil changes guest access for %1, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil den Gastzugang für %1 ändert, bestätigen Sie, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Guest access was not changed. %1</source>
        <translation>Der Gastzugang wurde nicht geändert. %1</translation>
    </message>
</context>
<context>
    <name>vigil::HelpPage</name>
    <message>
        <source>Search questions and tips</source>
        <translation>Fragen und Tipps durchsuchen</translation>
    </message>
    <message>
        <source>Search help</source>
        <translation>Hilfe durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Hilfetext</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Signing devices out, and keeping your account safe.</source>
        <translation>Geräte abmelden und Ihr Konto schützen.</translation>
    </message>
    <message>
        <source>Questions and Answers</source>
        <translation>Fragen und Antworten</translation>
    </message>
    <message>
        <source>Security Tips</source>
        <translation>Sicherheitstipps</translation>
    </message>
    <message>
        <source>Nothing in the help matches “%1”. Try fewer or other words.</source>
        <translation>Nichts in der Hilfe passt zu „%1“. Versuchen Sie es mit weniger oder anderen Wörtern.</translation>
    </message>
    <message>
        <source>Found %1 and %2.</source>
        <translation>%1 und %2 gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tip(s)</source>
        <translation>
            <numerusform>%n Tipp</numerusform>
            <numerusform>%n Tipps</numerusform>
        </translation>
    </message>
    <message>
        <source>What happens when I sign out of all devices?</source>
        <translation>Was passiert, wenn ich alle Geräte abmelde?</translation>
    </message>
    <message>
        <source>Every device signed in to your account is signed out. Whoever uses one of them has to enter your password again (and a 2-step code, if you use 2-step verification) to get back in.</source>
        <translation>Jedes bei Ihrem Konto angemeldete Gerät wird abgemeldet. Wer eines davon verwendet, muss Ihr Passwort erneut eingeben (und einen Bestätigungscode, wenn Sie die Zwei-Faktor-Authentifizierung verwenden), um wieder hineinzukommen.</translation>
    </message>
    <message>
        <source>Does signing out need an internet connection?</source>
        <translation>Braucht das Abmelden eine Internetverbindung?</translation>
    </message>
    <message>
        <source>Vigil needs to reach your account service to sign devices out. The devices themselves don&apos;t have to be online at that moment.</source>
        <translation>Vigil muss Ihren Kontodienst erreichen, um Geräte abzumelden. Die Geräte selbst müssen in diesem Moment nicht online sein.</translation>
    </message>
    <message>
        <source>What about a device that is switched off or offline?</source>
        <translation>Was ist mit einem Gerät, das ausgeschaltet oder offline ist?</translation>
    </message>
    <message>
        <source>It is signed out all the same: the service no longer accepts its sign-in, so the next time it connects it goes back to its sign-in screen.</source>
        <translation>Es wird trotzdem abgemeldet: Der Dienst akzeptiert seine Anmeldung nicht mehr, daher zeigt es bei der nächsten Verbindung wieder den Anmeldebildschirm.</translation>
    </message>
    <message>
        <source>Are profiles or viewing history deleted?</source>
        <translation>Werden Profile oder der Wiedergabeverlauf gelöscht?</translation>
    </message>
    <message>
        <source>No. Signing out ends sessions, nothing else. Profiles, viewing history and preferences stay exactly as they are.</source>
        <translation>Nein. Das Abmelden beendet Sitzungen, sonst nichts. Profile, Wiedergabeverlauf und Einstellungen bleiben genau so, wie sie sind.</translation>
    </message>
    <message>
        <source>See your profiles</source>
        <translation>Ihre Profile ansehen</translation>
    </message>
    <message>
        <source>How often should I sign out of all devices?</source>
        <translation>Wie oft sollte ich alle Geräte abmelden?</translation>
    </message>
    <message>
        <source>Whenever you&apos;ve watched on a public or borrowed device, lost a device, stopped sharing your account, or think someone else might be using it. Doing it now and then is a good habit too.</source>
        <translation>Immer wenn Sie auf einem öffentlichen oder geliehenen Gerät geschaut haben, ein Gerät verloren haben, Ihr Konto nicht mehr teilen oder vermuten, dass jemand anderes es verwendet. Es ab und zu zu tun, ist auch eine gute Gewohnheit.</translation>
    </message>
    <message>
        <source>Can I sign out just one device?</source>
        <translation>Kann ich nur ein Gerät abmelden?</translation>
    </message>
    <message>
        <source>Yes. Signing out works per device as well as for all of them at once, so you can remove one device without disturbing everyone else.</source>
        <translation>Ja. Sie können einzelne Geräte ebenso abmelden wie alle auf einmal. So entfernen Sie ein Gerät, ohne alle anderen zu stören.</translation>
    </message>
    <message>
        <source>Go to your devices</source>
        <translation>Zu Ihren Geräten</translation>
    </message>
    <message>
        <source>Turn on 2-step verification</source>
        <translation>Zwei-Faktor-Authentifizierung einschalten</translation>
    </message>
    <message>
        <source>With a second step, a stolen password alone is no longer enough: signing in on a new device also needs a code only you can get.</source>
        <translation>Mit einem zweiten Faktor reicht ein gestohlenes Passwort allein nicht mehr: Die Anmeldung auf einem neuen Gerät braucht zusätzlich einen Code, den nur Sie erhalten.</translation>
    </message>
    <message>
        <source>Check your 2-step verification</source>
        <translation>Ihre Zwei-Faktor-Authentifizierung prüfen</translation>
    </message>
    <message>
        <source>Use a strong password of its own</source>
        <translation>Ein starkes, eigenes Passwort verwenden</translation>
    </message>
    <message>
        <source>A long password that you use nowhere else can&apos;t be guessed and doesn&apos;t leak when another site is breached. Avoid birthdays, names and words about you.</source>
        <translation>Ein langes Passwort, das Sie nirgendwo sonst verwenden, lässt sich nicht erraten und gerät nicht in Umlauf, wenn eine andere Website gehackt wird. Vermeiden Sie Geburtstage, Namen und Wörter, die mit Ihnen zu tun haben.</translation>
    </message>
    <message>
        <source>Go to Security</source>
        <translation>Zur Sicherheit</translation>
    </message>
    <message>
        <source>Look at your device list now and then</source>
        <translation>Ab und zu die Geräteliste ansehen</translation>
    </message>
    <message>
        <source>If you see a device you don&apos;t know, sign it out and change your password straight away. The sooner you notice, the less an intruder can do.</source>
        <translation>Wenn Sie ein Gerät sehen, das Sie nicht kennen, melden Sie es ab und ändern Sie sofort Ihr Passwort. Je früher Sie es bemerken, desto weniger kann ein Eindringling anrichten.</translation>
    </message>
    <message>
        <source>Review your devices</source>
        <translation>Ihre Geräte prüfen</translation>
    </message>
    <message>
        <source>Don&apos;t take the bait</source>
        <translation>Nicht anbeißen</translation>
    </message>
    <message>
        <source>Messages that look like they come from your streaming service may be phishing. Don&apos;t sign in through a link you were sent; open the service&apos;s site or app yourself.</source>
        <translation>Nachrichten, die scheinbar von Ihrem Streamingdienst stammen, können Phishing sein. Melden Sie sich nicht über einen zugesandten Link an; öffnen Sie die Website oder App des Dienstes selbst.</translation>
    </message>
    <message>
        <source>Sign out of shared and public devices</source>
        <translation>Von geteilten und öffentlichen Geräten abmelden</translation>
    </message>
    <message>
        <source>After watching on a hotel TV, a friend&apos;s console or a library computer, sign out before you leave — or sign that device out from here afterwards.</source>
        <translation>Melden Sie sich nach dem Schauen auf einem Hotelfernseher, der Konsole von Freunden oder einem Bibliothekscomputer ab, bevor Sie gehen – oder melden Sie das Gerät danach von hier aus ab.</translation>
    </message>
    <message>
        <source>Keep your apps up to date</source>
        <translation>Apps aktuell halten</translation>
    </message>
    <message>
        <source>Updates close security holes. Let your devices and apps install them, and update Vigil when a new version is out.</source>
        <translation>Updates schließen Sicherheitslücken. Lassen Sie Ihre Geräte und Apps sie installieren und aktualisieren Sie Vigil, wenn eine neue Version erscheint.</translation>
    </message>
    <message>
        <source>Keep an eye on your account&apos;s activity</source>
        <translation>Die Aktivität Ihres Kontos im Blick behalten</translation>
    </message>
    <message>
        <source>Sign-ins you didn&apos;t make, or changes you don&apos;t remember, are the first sign that someone else is using your account.</source>
        <translation>Anmeldungen, die Sie nicht vorgenommen haben, oder Änderungen, an die Sie sich nicht erinnern, sind das erste Anzeichen, dass jemand anderes Ihr Konto verwendet.</translation>
    </message>
    <message>
        <source>Check the activity</source>
        <translation>Aktivität prüfen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Report a Problem…</source>
        <translation>Problem melden…</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Save a report with Vigil&apos;s log, version and system, without anything secret</source>
        <translation>Einen Bericht mit Vigils Protokoll, Version und System speichern, ohne etwas Geheimes</translation>
    </message>
</context>
<context>
    <name>vigil::HolderSession</name>
    <message>
        <source>Show Demo Inbox</source>
        <translation>Demo-Posteingang anzeigen</translation>
    </message>
    <message>
        <source>The codes the demo service sent by email or text message</source>
        <translation>Die Codes, die der Demodienst per E-Mail oder SMS gesendet hat</translation>
    </message>
</context>
<context>
    <name>vigil::HolderSupportCodeDialog</name>
    <message>
        <source>Code for Support</source>
        <translation>Code für den Support</translation>
    </message>
    <message>
        <source>Code for support</source>
        <translation>Code für den Support</translation>
    </message>
    <message>
        <source>Read this code to the support person you are talking to. It works once.</source>
        <translation>Lesen Sie diesen Code der Person vom Support vor, mit der Sie sprechen. Er gilt nur einmal.</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Support-Code</translation>
    </message>
    <message>
        <source>How long the code is valid</source>
        <translation>Wie lange der Code gültig ist</translation>
    </message>
    <message>
        <source>Support can sign devices out of your account with this code. They can&apos;t change your password or 2-step settings.</source>
        <translation>Mit diesem Code kann der Support Geräte von Ihrem Konto abmelden. Ihr Passwort und Ihre Einstellungen zur Zwei-Faktor-Authentifizierung kann er nicht ändern.</translation>
    </message>
    <message>
        <source>What the code allows</source>
        <translation>Was der Code erlaubt</translation>
    </message>
    <message>
        <source>Copy Code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Valid for %1</source>
        <translation>Noch %1 gültig</translation>
    </message>
    <message>
        <source>This code has expired. Close this and give support a new one.</source>
        <translation>Dieser Code ist abgelaufen. Schließen Sie dieses Fenster und geben Sie dem Support einen neuen.</translation>
    </message>
</context>
<context>
    <name>vigil::InlineMessage</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>vigil::LoadState</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Vigil — Demo</source>
        <translation>Vigil – Demo</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Sign Out of Vigil</source>
        <translation>Von Vigil abmelden</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Your account, and signing out of Vigil</source>
        <translation>Ihr Konto und Abmelden von Vigil</translation>
    </message>
    <message>
        <source>Demo account on this computer</source>
        <translation>Demokonto auf diesem Computer</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
</context>
<context>
    <name>vigil::NewBadgeDelegate</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
</context>
<context>
    <name>vigil::NewDevicesNotice</name>
    <message>
        <source>Review New Devices</source>
        <translation>Neue Geräte prüfen</translation>
    </message>
    <message>
        <source>New devices</source>
        <translation>Neue Geräte</translation>
    </message>
    <message>
        <source>Show the new devices: confirm the ones that are yours, sign out the others.</source>
        <translation>Zeigt die neuen Geräte: Bestätigen Sie Ihre eigenen, melden Sie die anderen ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n new device(s) waiting for you to confirm</source>
        <translation>
            <numerusform>%n neues Gerät wartet auf Ihre Bestätigung</numerusform>
            <numerusform>%n neue Geräte warten auf Ihre Bestätigung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::OneTimeCodeMethod</name>
    <message>
        <source>Email code</source>
        <translation>E-Mail-Code</translation>
    </message>
    <message>
        <source>Text message code</source>
        <translation>SMS-Code</translation>
    </message>
</context>
<context>
    <name>vigil::OverviewPage</name>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>Account email</source>
        <translation>E-Mail-Adresse des Kontos</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>Angemeldete Geräte</translation>
    </message>
    <message>
        <source>Review Devices</source>
        <translation>Geräte prüfen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>See Profiles</source>
        <translation>Profile ansehen</translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation>Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>Review Security</source>
        <translation>Sicherheit prüfen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Your account at a glance.</source>
        <translation>Ihr Konto auf einen Blick.</translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation>Ihr Konto wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) signed in to your account, this computer included.</source>
        <translation>
            <numerusform>%n Gerät ist bei Ihrem Konto angemeldet, dieser Computer eingeschlossen.</numerusform>
            <numerusform>%n Geräte sind bei Ihrem Konto angemeldet, dieser Computer eingeschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s). Signing devices out never removes a profile.</source>
        <translation>
            <numerusform>%n Profil. Das Abmelden von Geräten entfernt nie ein Profil.</numerusform>
            <numerusform>%n Profile. Das Abmelden von Geräten entfernt nie ein Profil.</numerusform>
        </translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>Jetzt aktiv</translation>
    </message>
    <message>
        <source>See Active Devices</source>
        <translation>Aktive Geräte ansehen</translation>
    </message>
    <message>
        <source>Streaming now</source>
        <translation>Streamt gerade</translation>
    </message>
    <message>
        <source>See Who&apos;s Watching</source>
        <translation>Sehen, wer schaut</translation>
    </message>
    <message>
        <source>New in the last 7 days</source>
        <translation>Neu in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>See Newest Devices</source>
        <translation>Neueste Geräte ansehen</translation>
    </message>
    <message>
        <source>In unfamiliar countries</source>
        <translation>In ungewohnten Ländern</translation>
    </message>
    <message>
        <source>Review These Devices</source>
        <translation>Diese Geräte prüfen</translation>
    </message>
    <message>
        <source>Sign Out of All Devices…</source>
        <translation>Alle Geräte abmelden …</translation>
    </message>
    <message>
        <source>Throw every other device out of your account at once, or every device.</source>
        <translation>Alle anderen Geräte auf einmal aus Ihrem Konto werfen – oder alle Geräte.</translation>
    </message>
    <message>
        <source>unknown profile</source>
        <translation>unbekanntes Profil</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) connected right now: streaming, paused or idle.</source>
        <translation>
            <numerusform>%n Gerät ist gerade verbunden: streamend, pausiert oder im Leerlauf.</numerusform>
            <numerusform>%n Geräte sind gerade verbunden: streamend, pausiert oder im Leerlauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is playing right now.</source>
        <translation>Gerade wird nichts abgespielt.</translation>
    </message>
    <message>
        <source>Watching now: %1.</source>
        <translation>Schaut gerade: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) signed in for the first time this week.</source>
        <translation>
            <numerusform>%n Gerät hat sich diese Woche zum ersten Mal angemeldet.</numerusform>
            <numerusform>%n Geräte haben sich diese Woche zum ersten Mal angemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every device is in a country your account usually uses.</source>
        <translation>Alle Geräte sind in Ländern, in denen Ihr Konto üblicherweise verwendet wird.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in countries your account doesn&apos;t usually use.</source>
        <translation>
            <numerusform>%n Gerät in einem Land, in dem Ihr Konto sonst nicht verwendet wird.</numerusform>
            <numerusform>%n Geräte in Ländern, in denen Ihr Konto sonst nicht verwendet wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::PasswordChangeFlow</name>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>Das neue Passwort braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Das neue Passwort braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password can have at most %n characters.</source>
        <translation>
            <numerusform>Das neue Passwort darf höchstens %n Zeichen haben.</numerusform>
            <numerusform>Das neue Passwort darf höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message>
        <source>Your current password isn&apos;t right.</source>
        <translation>Ihr aktuelles Passwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>This password is too common and easy to guess. Choose another one.</source>
        <translation>Dieses Passwort ist zu verbreitet und leicht zu erraten. Wählen Sie ein anderes.</translation>
    </message>
    <message>
        <source>The new password must be different from your current one.</source>
        <translation>Das neue Passwort muss sich von Ihrem aktuellen unterscheiden.</translation>
    </message>
    <message>
        <source>The service did not accept the new password: %1</source>
        <translation>Der Dienst hat das neue Passwort nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>Zu viele Versuche. Versuchen Sie es in %1 erneut.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Zu viele Versuche. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>No connection to the service. Your password was not changed; try again.</source>
        <translation>Keine Verbindung zum Dienst. Ihr Passwort wurde nicht geändert; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>vigil::PasswordChangeSection</name>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>Current password problem</source>
        <translation>Problem mit dem aktuellen Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>Password strength advice</source>
        <translation>Hinweise zur Passwortstärke</translation>
    </message>
    <message>
        <source>New password problem</source>
        <translation>Problem mit dem neuen Passwort</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Neues Passwort bestätigen</translation>
    </message>
    <message>
        <source>Confirmation problem</source>
        <translation>Problem mit der Bestätigung</translation>
    </message>
    <message>
        <source>Sign out all devices</source>
        <translation>Alle Geräte abmelden</translation>
    </message>
    <message>
        <source>Every device, this one included</source>
        <translation>Alle Geräte, auch dieses</translation>
    </message>
    <message>
        <source>All except this one</source>
        <translation>Alle außer diesem</translation>
    </message>
    <message>
        <source>Anyone using a signed-out device needs the new password to sign in again.</source>
        <translation>Wer ein abgemeldetes Gerät verwendet, braucht das neue Passwort, um sich erneut anzumelden.</translation>
    </message>
    <message>
        <source>Password change problem</source>
        <translation>Problem beim Ändern des Passworts</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Password change result</source>
        <translation>Ergebnis der Passwortänderung</translation>
    </message>
    <message>
        <source>Signed-out devices</source>
        <translation>Abgemeldete Geräte</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Confirm new password:</source>
        <translation>Neues Passwort bestätigen:</translation>
    </message>
    <message>
        <source>Use at least %1 characters; a few unrelated words make a strong password.</source>
        <translation>Verwenden Sie mindestens %1 Zeichen; einige zusammenhanglose Wörter ergeben ein starkes Passwort.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>This password is on the list of common passwords; the service will refuse it.</source>
        <translation>Dieses Passwort steht auf der Liste häufiger Passwörter; der Dienst wird es ablehnen.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Höchstens %n Zeichen.</numerusform>
            <numerusform>Höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
        <source>Signed out: %1</source>
        <translation>Abgemeldet: %1</translation>
    </message>
    <message>
        <source>No devices were signed out.</source>
        <translation>Es wurden keine Geräte abgemeldet.</translation>
    </message>
</context>
<context>
    <name>vigil::PasswordMethod</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>That password isn&apos;t right.</source>
        <translation>Dieses Passwort ist nicht richtig.</translation>
    </message>
</context>
<context>
    <name>vigil::PendingSignOutBanner</name>
    <message>
        <source>Show Results…</source>
        <translation>Ergebnisse anzeigen …</translation>
    </message>
    <message>
        <source>Pending sign-out</source>
        <translation>Ausstehende Abmeldung</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Devices pending sign-out</source>
        <translation>Geräte mit ausstehender Abmeldung</translation>
    </message>
    <message>
        <source>Show sign-out results</source>
        <translation>Abmeldeergebnisse anzeigen</translation>
    </message>
    <message>
        <source>Shows each device of the last sign-out and its state</source>
        <translation>Zeigt jedes Gerät der letzten Abmeldung und seinen Status</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) pending sign-out</source>
        <translation>
            <numerusform>Abmeldung von %n Gerät ausstehend</numerusform>
            <numerusform>Abmeldung von %n Geräten ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>They can no longer use your account and are signed out when they next connect.</source>
        <translation>Sie können Ihr Konto nicht mehr verwenden und werden bei der nächsten Verbindung abgemeldet.</translation>
    </message>
</context>
<context>
    <name>vigil::PlaceCheck</name>
    <message>
        <source>This TV is in %1. You are in %2. Only approve a TV you can see in front of you.</source>
        <translation>Dieser Fernseher steht in %1. Sie sind in %2. Bestätigen Sie nur einen Fernseher, den Sie vor sich sehen.</translation>
    </message>
    <message>
        <source>This device is in %1. You are in %2. Only approve a device you can see in front of you.</source>
        <translation>Dieses Gerät ist in %1. Sie sind in %2. Bestätigen Sie nur ein Gerät, das Sie vor sich sehen.</translation>
    </message>
    <message>
        <source>Vigil can&apos;t tell where this TV is. Only approve a TV you can see in front of you.</source>
        <translation>Vigil kann nicht feststellen, wo dieser Fernseher steht. Bestätigen Sie nur einen Fernseher, den Sie vor sich sehen.</translation>
    </message>
    <message>
        <source>Vigil can&apos;t tell where this device is. Only approve a device you can see in front of you.</source>
        <translation>Vigil kann nicht feststellen, wo dieses Gerät ist. Bestätigen Sie nur ein Gerät, das Sie vor sich sehen.</translation>
    </message>
</context>
<context>
    <name>vigil::PreferencesPage</name>
    <message>
        <source>Account Server</source>
        <translation>Kontoserver</translation>
    </message>
    <message>
        <source>Current server address</source>
        <translation>Aktuelle Serveradresse</translation>
    </message>
    <message>
        <source>To use another server, sign out and enter its address when you sign in.</source>
        <translation>Um einen anderen Server zu verwenden, melden Sie sich ab und geben Sie bei der Anmeldung seine Adresse ein.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Serveradresse:</translation>
    </message>
    <message>
        <source>Sign-In</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Remember sign-in on this computer</source>
        <translation>Anmeldung auf diesem Computer merken</translation>
    </message>
    <message>
        <source>Sign Out of Vigil</source>
        <translation>Von Vigil abmelden</translation>
    </message>
    <message>
        <source>Signs this computer out of your account and removes the saved sign-in from the keychain. Your other devices stay signed in.</source>
        <translation>Meldet diesen Computer von Ihrem Konto ab und entfernt die gespeicherte Anmeldung aus dem Schlüsselbund. Ihre anderen Geräte bleiben angemeldet.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>How Vigil connects and signs in.</source>
        <translation>Wie Vigil sich verbindet und anmeldet.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Restart Vigil to change the language.</source>
        <translation>Starten Sie Vigil neu, um die Sprache zu wechseln.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Demo sign-ins are never remembered: the demo account starts fresh each time.</source>
        <translation>Demo-Anmeldungen werden nie gespeichert: Das Demokonto beginnt jedes Mal neu.</translation>
    </message>
    <message>
        <source>Vigil keeps the sign-in in your system keychain, never in a file. Turn this off to be asked for your password next time.</source>
        <translation>Vigil bewahrt die Anmeldung im Schlüsselbund Ihres Systems auf, nie in einer Datei. Schalten Sie dies aus, um beim nächsten Mal nach Ihrem Passwort gefragt zu werden.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Alert me when a device signs in to my account</source>
        <translation>Bei neuer Anmeldung eines Geräts benachrichtigen</translation>
    </message>
    <message>
        <source>Unused Devices</source>
        <translation>Unbenutzte Geräte</translation>
    </message>
    <message>
        <source>Sign out devices unused for</source>
        <translation>Unbenutzte Geräte abmelden nach</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Your account signs out devices that nobody has used for this long. Anyone using one again will need the password. Profiles and viewing history are kept.</source>
        <translation>Ihr Konto meldet Geräte ab, die so lange niemand verwendet hat. Wer eines davon wieder verwendet, braucht das Passwort. Profile und Wiedergabeverlauf bleiben erhalten.</translation>
    </message>
    <message>
        <source>Sign out devices unused for:</source>
        <translation>Unbenutzte Geräte abmelden nach:</translation>
    </message>
    <message>
        <source>Before Vigil changes when unused devices are signed out, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil ändert, wann unbenutzte Geräte abgemeldet werden, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>The setting could not be saved: %1 It is back as it was.</source>
        <translation>Die Einstellung konnte nicht gespeichert werden: %1 Sie wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Loading the setting…</source>
        <translation>Einstellung wird geladen …</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The setting could not be loaded: %1</source>
        <translation>Die Einstellung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>You&apos;ll need to sign in again on %1.</source>
        <translation>Sie müssen sich am %1 wieder anmelden.</translation>
    </message>
    <message>
        <source>A desktop notification asks “Was this you?”, names the device, its place and the time, and lets you confirm it or sign it out. While alerts are on, Vigil keeps running in the tray when you close its window.</source>
        <translation>Eine Desktop-Benachrichtigung fragt „Waren Sie das?“, nennt Gerät, Ort und Uhrzeit und lässt Sie das Gerät bestätigen oder abmelden. Solange Benachrichtigungen eingeschaltet sind, läuft Vigil nach dem Schließen des Fensters im Infobereich weiter.</translation>
    </message>
</context>
<context>
    <name>vigil::ProblemReport</name>
    <message>
        <source>Vigil cannot make a folder in %1.</source>
        <translation>Vigil kann in %1 keinen Ordner anlegen.</translation>
    </message>
    <message>
        <source>Vigil cannot write %1: %2</source>
        <translation>Vigil kann %1 nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileCard</name>
    <message>
        <source>Kids</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <source>Avatar: %1</source>
        <translation>Avatar: %1</translation>
    </message>
    <message>
        <source>Kids profile</source>
        <translation>Kinderprofil</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileFilter</name>
    <message>
        <source>Devices last used with %1&apos;s profile.</source>
        <translation>Geräte, die zuletzt mit dem Profil von %1 genutzt wurden.</translation>
    </message>
    <message>
        <source>No devices were last used with %1&apos;s profile</source>
        <translation>Kein Gerät wurde zuletzt mit dem Profil von %1 genutzt</translation>
    </message>
    <message>
        <source>%1&apos;s devices</source>
        <translation>Geräte von %1</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileListModel</name>
    <message>
        <source>Not used yet</source>
        <translation>Noch nicht verwendet</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>einem Gerät</translation>
    </message>
    <message>
        <source>Last watched on %1</source>
        <translation>Zuletzt geschaut auf %1</translation>
    </message>
    <message>
        <source>Last watched on %1, %2</source>
        <translation>Zuletzt geschaut auf %1, %2</translation>
    </message>
    <message>
        <source>%1, kids profile</source>
        <translation>%1, Kinderprofil</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileSignOutButton</name>
    <message>
        <source>No signed-in device was last used with %1&apos;s profile.</source>
        <translation>Kein angemeldetes Gerät wurde zuletzt mit dem Profil von %1 genutzt.</translation>
    </message>
    <message>
        <source>Finish the sign-out that is under way first.</source>
        <translation>Schließen Sie zuerst die laufende Abmeldung ab.</translation>
    </message>
    <message numerus="yes">
        <source>Sign Out %1&apos;s Device(s) (%n)…</source>
        <translation>
            <numerusform>Gerät von %1 abmelden (%n) …</numerusform>
            <numerusform>Geräte von %1 abmelden (%n) …</numerusform>
        </translation>
    </message>
    <message>
        <source>Signs out every device last used with %1&apos;s profile. The profile and its viewing history are kept.</source>
        <translation>Meldet jedes Gerät ab, das zuletzt mit dem Profil von %1 genutzt wurde. Das Profil und sein Wiedergabeverlauf bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>vigil::ProfilesPage</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>The people who watch on your account.</source>
        <translation>Die Personen, die mit Ihrem Konto schauen.</translation>
    </message>
    <message>
        <source>Signing out devices never removes profiles, viewing history or preferences.</source>
        <translation>Das Abmelden von Geräten entfernt nie Profile, Wiedergabeverlauf oder Einstellungen.</translation>
    </message>
    <message>
        <source>Sign in to see your account&apos;s profiles.</source>
        <translation>Melden Sie sich an, um die Profile Ihres Kontos zu sehen.</translation>
    </message>
    <message>
        <source>Loading your profiles…</source>
        <translation>Ihre Profile werden geladen …</translation>
    </message>
    <message>
        <source>Your profiles could not be loaded.</source>
        <translation>Ihre Profile konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Showing the profiles loaded earlier: %1</source>
        <translation>Angezeigt werden die zuvor geladenen Profile: %1</translation>
    </message>
    <message>
        <source>There are no profiles on this account yet. Profiles are made on the devices you watch on; they show here once they exist.</source>
        <translation>Dieses Konto hat noch keine Profile. Profile werden auf den Geräten angelegt, auf denen Sie schauen; sie erscheinen hier, sobald es sie gibt.</translation>
    </message>
</context>
<context>
    <name>vigil::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>The QR code could not be made.</source>
        <translation>Der QR-Code konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>A QR code to scan with your authenticator app.</source>
        <translation>Ein QR-Code zum Scannen mit Ihrer Authenticator-App.</translation>
    </message>
</context>
<context>
    <name>vigil::RecommendationsCard</name>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) inactive for 90+ days</source>
        <translation>
            <numerusform>%n Gerät seit über 90 Tagen inaktiv</numerusform>
            <numerusform>%n Geräte seit über 90 Tagen inaktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in countries you haven&apos;t used before</source>
        <translation>
            <numerusform>%n Gerät in einem Land, das für Ihr Konto neu ist</numerusform>
            <numerusform>%n Geräte in Ländern, die für Ihr Konto neu sind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RecoveryCodeMethod</name>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
</context>
<context>
    <name>vigil::RecoveryCodesDialog</name>
    <message>
        <source>Copy All</source>
        <translation>Alle kopieren</translation>
    </message>
    <message>
        <source>Save to File…</source>
        <translation>In Datei speichern …</translation>
    </message>
    <message>
        <source>I have saved these codes</source>
        <translation>Ich habe diese Codes gespeichert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Your Recovery Codes</source>
        <translation>Ihre Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Your recovery codes</source>
        <translation>Ihre Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Save Recovery Codes</source>
        <translation>Wiederherstellungscodes speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Each code signs you in once if you lose your authenticator app. Keep them somewhere safe: Vigil shows them only now.</source>
        <translation>Mit jedem Code können Sie sich einmal anmelden, falls Sie Ihre Authenticator-App verlieren. Bewahren Sie die Codes sicher auf: Vigil zeigt sie nur jetzt an.</translation>
    </message>
    <message>
        <source>About recovery codes</source>
        <translation>Über Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Recovery codes message</source>
        <translation>Meldung zu den Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Save to File</source>
        <translation>In Datei speichern</translation>
    </message>
    <message>
        <source>Copied. Paste them somewhere safe.</source>
        <translation>Kopiert. Fügen Sie die Codes an einem sicheren Ort ein.</translation>
    </message>
    <message>
        <source>Vigil recovery codes. Each works once.
</source>
        <translation>Vigil-Wiederherstellungscodes. Jeder Code gilt nur einmal.
</translation>
    </message>
    <message>
        <source>Vigil could not save the codes there: %1</source>
        <translation>Vigil konnte die Codes dort nicht speichern: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Unter %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>vigil::RelativeTime</name>
    <message>
        <source>No activity</source>
        <translation>Keine Aktivität</translation>
    </message>
    <message>
        <source>no activity yet</source>
        <translation>noch keine Aktivität</translation>
    </message>
    <message>
        <source>Inactive for 90+ days</source>
        <translation>Seit über 90 Tagen inaktiv</translation>
    </message>
    <message>
        <source>more than 90 days ago</source>
        <translation>vor mehr als 90 Tagen</translation>
    </message>
    <message>
        <source>Just now</source>
        <translation>Gerade eben</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Gestern, %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>gestern um %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>weekday, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>on %1 at %2</source>
        <translation>am %1 um %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format (QDate::toString)</comment>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>dddd, d MMMM yyyy</source>
        <comment>date format (QDate::toString)</comment>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format (QDate::toString)</comment>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>vigil::ReportProblemDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>Ordner anzeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Report a Problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Save a Problem Report</source>
        <translation>Problembericht speichern</translation>
    </message>
    <message>
        <source>Vigil saves a folder that you can send to whoever helps you with the problem. It holds:</source>
        <translation>Vigil speichert einen Ordner, den Sie an die Person senden können, die Ihnen bei dem Problem hilft. Er enthält:</translation>
    </message>
    <message>
        <source>Vigil&apos;s log since it started, with every password, code and token taken out.</source>
        <translation>Vigils Protokoll seit dem Start, aus dem jedes Passwort, jeder Code und jedes Token entfernt ist.</translation>
    </message>
    <message>
        <source>Vigil&apos;s version and your system (%1).</source>
        <translation>Vigils Version und Ihr System (%1).</translation>
    </message>
    <message>
        <source>The demo service&apos;s state: its devices, sessions, clock and test faults, so that a developer can load exactly this moment.</source>
        <translation>Den Zustand des Demo-Dienstes: seine Geräte, Sitzungen, Uhr und Testfehler, damit ein Entwickler genau diesen Moment laden kann.</translation>
    </message>
    <message>
        <source>What the report holds</source>
        <translation>Was der Bericht enthält</translation>
    </message>
    <message>
        <source>Nothing secret goes in: no password, verification code, recovery code or sign-in token. You can open the files and read them before you send them.</source>
        <translation>Nichts Geheimes kommt hinein: kein Passwort, kein Bestätigungscode, kein Wiederherstellungscode und kein Anmeldetoken. Sie können die Dateien öffnen und lesen, bevor Sie sie senden.</translation>
    </message>
    <message>
        <source>Nothing secret</source>
        <translation>Nichts Geheimes</translation>
    </message>
    <message>
        <source>Save in:</source>
        <translation>Speichern in:</translation>
    </message>
    <message>
        <source>Folder for the report</source>
        <translation>Ordner für den Bericht</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>Show the report folder</source>
        <translation>Berichtsordner anzeigen</translation>
    </message>
    <message>
        <source>Where to Save the Report</source>
        <translation>Wo der Bericht gespeichert wird</translation>
    </message>
    <message>
        <source>Saving the report and the demo service&apos;s state…</source>
        <translation>Bericht und Zustand des Demo-Dienstes werden gespeichert…</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Bericht wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) to %1.</source>
        <translation>
            <numerusform>%n Datei in %1 gespeichert.</numerusform>
            <numerusform>%n Dateien in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The report was not saved. %1</source>
        <translation>Der Bericht wurde nicht gespeichert. %1</translation>
    </message>
</context>
<context>
    <name>vigil::SecurityKeyMethod</name>
    <message>
        <source>Use a security key</source>
        <translation>Sicherheitsschlüssel verwenden</translation>
    </message>
    <message>
        <source>Vigil didn&apos;t accept your security key&apos;s answer.</source>
        <translation>Vigil hat die Antwort Ihres Sicherheitsschlüssels nicht akzeptiert.</translation>
    </message>
</context>
<context>
    <name>vigil::SecurityKeyPrompt</name>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Security key</source>
        <translation>Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>What to do with your security key</source>
        <translation>Was Sie mit Ihrem Sicherheitsschlüssel tun sollen</translation>
    </message>
    <message>
        <source>Security key PIN</source>
        <translation>PIN des Sicherheitsschlüssels</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Continue with this PIN</source>
        <translation>Mit dieser PIN fortfahren</translation>
    </message>
    <message>
        <source>Security key problem</source>
        <translation>Problem mit dem Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Try again with your security key</source>
        <translation>Erneut mit Ihrem Sicherheitsschlüssel versuchen</translation>
    </message>
</context>
<context>
    <name>vigil::SecurityKeyRegistrationFlow</name>
    <message>
        <source>Security key</source>
        <translation>Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Security key %1</source>
        <translation>Sicherheitsschlüssel %1</translation>
    </message>
    <message>
        <source>Your verification has expired. Confirm it&apos;s you again.</source>
        <translation>Ihre Bestätigung ist abgelaufen. Bestätigen Sie noch einmal, dass Sie es sind.</translation>
    </message>
    <message>
        <source>This security key is already added to an account.</source>
        <translation>Dieser Sicherheitsschlüssel ist bereits einem Konto hinzugefügt.</translation>
    </message>
    <message>
        <source>Your account has 10 security keys, the most it can have. Remove one first.</source>
        <translation>Ihr Konto hat 10 Sicherheitsschlüssel, mehr sind nicht möglich. Entfernen Sie zuerst einen.</translation>
    </message>
    <message>
        <source>This took too long. Try again.</source>
        <translation>Das hat zu lange gedauert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The key wasn&apos;t added. %1</source>
        <translation>Der Schlüssel wurde nicht hinzugefügt. %1</translation>
    </message>
    <message>
        <source>Adding the key was cancelled.</source>
        <translation>Das Hinzufügen des Schlüssels wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>vigil::SecurityKeysSection</name>
    <message>
        <source>Security Keys</source>
        <translation>Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Add a Key…</source>
        <translation>Schlüssel hinzufügen …</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <source>Security keys</source>
        <translation>Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>A security key is a small device you plug in or hold near your computer. It is the strongest way to confirm it&apos;s you: it can&apos;t be phished like a code.</source>
        <translation>Ein Sicherheitsschlüssel ist ein kleines Gerät, das Sie einstecken oder an Ihren Computer halten. Er ist die sicherste Art zu bestätigen, dass Sie es sind: Anders als ein Code kann er nicht abgefischt werden.</translation>
    </message>
    <message>
        <source>No security keys yet.</source>
        <translation>Noch keine Sicherheitsschlüssel.</translation>
    </message>
    <message>
        <source>Your security keys</source>
        <translation>Ihre Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Security keys problem</source>
        <translation>Problem mit den Sicherheitsschlüsseln</translation>
    </message>
    <message>
        <source>Add a Key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Rename Security Key</source>
        <translation>Sicherheitsschlüssel umbenennen</translation>
    </message>
    <message>
        <source>Remove Security Key</source>
        <translation>Sicherheitsschlüssel entfernen</translation>
    </message>
    <message>
        <source>Last used %1</source>
        <translation>Zuletzt verwendet %1</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Nie verwendet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Hinzugefügt am %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Your security keys could not be read. %1</source>
        <translation>Ihre Sicherheitsschlüssel konnten nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Before Vigil adds a security key, confirm that it&apos;s you.</source>
        <translation>Bestätigen Sie, dass Sie es sind, bevor Vigil einen Sicherheitsschlüssel hinzufügt.</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The key wasn&apos;t renamed. %1</source>
        <translation>Der Schlüssel wurde nicht umbenannt. %1</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>You won&apos;t be able to use this key to confirm it&apos;s you. You can add it again later.</source>
        <translation>Sie können diesen Schlüssel dann nicht mehr verwenden, um zu bestätigen, dass Sie es sind. Sie können ihn später wieder hinzufügen.</translation>
    </message>
    <message>
        <source>Remove Key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Before Vigil removes a security key, confirm that it&apos;s you.</source>
        <translation>Bestätigen Sie, dass Sie es sind, bevor Vigil einen Sicherheitsschlüssel entfernt.</translation>
    </message>
    <message>
        <source>The key wasn&apos;t removed. %1</source>
        <translation>Der Schlüssel wurde nicht entfernt. %1</translation>
    </message>
</context>
<context>
    <name>vigil::SecurityPage</name>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>How your account is protected.</source>
        <translation>Wie Ihr Konto geschützt ist.</translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation>Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>On. %1</source>
        <translation>Eingeschaltet. %1</translation>
    </message>
    <message>
        <source>Seven habits keep an account safe, from 2-step verification to watching its activity. &lt;a href=&quot;%1&quot;&gt;Read the security tips&lt;/a&gt;</source>
        <translation>Sieben Gewohnheiten halten ein Konto sicher, von der Zwei-Faktor-Authentifizierung bis zum Blick auf seine Aktivität. &lt;a href=&quot;%1&quot;&gt;Sicherheitstipps lesen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Help From Support</source>
        <translation>Hilfe vom Support</translation>
    </message>
    <message>
        <source>Help from support</source>
        <translation>Hilfe vom Support</translation>
    </message>
    <message>
        <source>When you talk to Vigil support, they may ask for a one-time code before they sign devices out for you. The code works once, for 10 minutes.</source>
        <translation>Wenn Sie mit dem Vigil-Support sprechen, kann er Sie nach einem Einmalcode fragen, bevor er Geräte für Sie abmeldet. Der Code gilt einmal und 10 Minuten lang.</translation>
    </message>
    <message>
        <source>Give Support a Code…</source>
        <translation>Support-Code erstellen …</translation>
    </message>
    <message>
        <source>Give Support a Code</source>
        <translation>Support-Code erstellen</translation>
    </message>
    <message>
        <source>Support code problem</source>
        <translation>Problem mit dem Support-Code</translation>
    </message>
    <message>
        <source>Before Vigil creates a code for support, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil einen Code für den Support erstellt, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>No code was created. %1</source>
        <translation>Es wurde kein Code erstellt. %1</translation>
    </message>
</context>
<context>
    <name>vigil::ServerAddress</name>
    <message>
        <source>Enter the address of your account server.</source>
        <translation>Geben Sie die Adresse Ihres Kontoservers ein.</translation>
    </message>
    <message>
        <source>That isn&apos;t a valid server address. Use a form like vigil.example.com or 127.0.0.1:8765.</source>
        <translation>Das ist keine gültige Serveradresse. Verwenden Sie eine Form wie vigil.example.com oder 127.0.0.1:8765.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// for this computer).</source>
        <translation>Die Serveradresse muss mit https:// beginnen (oder mit http:// für diesen Computer).</translation>
    </message>
    <message>
        <source>Vigil only uses unencrypted http:// for servers on this computer. Use https:// instead.</source>
        <translation>Vigil verwendet unverschlüsseltes http:// nur für Server auf diesem Computer. Verwenden Sie stattdessen https://.</translation>
    </message>
</context>
<context>
    <name>vigil::ShortenWaitDialog</name>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Send a New Code</source>
        <translation>Neuen Code senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Email Me a Code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Let This Device Act Sooner</source>
        <translation>Dieses Gerät früher freigeben</translation>
    </message>
    <message>
        <source>Every device signed in to your account is new, so none of them can sign out other devices yet. A code sent to your account&apos;s email lets this device do that in one hour. The email says which device asked, so someone else who has your password can&apos;t do this unnoticed.</source>
        <translation>Alle bei Ihrem Konto angemeldeten Geräte sind neu, deshalb kann noch keines davon andere Geräte abmelden. Mit einem Code, der an die E-Mail-Adresse Ihres Kontos gesendet wird, kann dieses Gerät das in einer Stunde. Die E-Mail nennt das Gerät, das danach gefragt hat, damit niemand, der Ihr Passwort kennt, das unbemerkt tun kann.</translation>
    </message>
    <message>
        <source>Why a code</source>
        <translation>Warum ein Code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Code from the email</source>
        <translation>Code aus der E-Mail</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Neuen Code senden</translation>
    </message>
    <message>
        <source>Vigil can email a code to your account&apos;s address.</source>
        <translation>Vigil kann einen Code an die E-Mail-Adresse Ihres Kontos senden.</translation>
    </message>
    <message>
        <source>Sending a code to your account&apos;s email…</source>
        <translation>Code wird an die E-Mail-Adresse Ihres Kontos gesendet …</translation>
    </message>
    <message>
        <source>We emailed a code to %1. Enter it here.</source>
        <translation>Wir haben einen Code an %1 gesendet. Geben Sie ihn hier ein.</translation>
    </message>
    <message>
        <source>Done. You can sign other devices out from %1.</source>
        <translation>Fertig. Ab %1 können Sie andere Geräte abmelden.</translation>
    </message>
    <message>
        <source>The wait wasn&apos;t shortened.</source>
        <translation>Die Wartezeit wurde nicht verkürzt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Until then this device can see everything but can&apos;t sign out other devices or change security settings.</source>
        <translation>Bis dahin kann dieses Gerät alles sehen, aber keine anderen Geräte abmelden und keine Sicherheitseinstellungen ändern.</translation>
    </message>
    <message>
        <source>This code no longer works: it expired or was entered wrongly too often. Send a new code.</source>
        <translation>Dieser Code funktioniert nicht mehr: Er ist abgelaufen oder wurde zu oft falsch eingegeben. Fordern Sie einen neuen Code an.</translation>
    </message>
    <message>
        <source>A device that has been signed in to your account for longer is still signed in. Use it to sign out other devices, or to confirm this one from it.</source>
        <translation>Ein Gerät, das schon länger bei Ihrem Konto angemeldet ist, ist noch angemeldet. Melden Sie damit andere Geräte ab, oder bestätigen Sie dieses Gerät von dort aus.</translation>
    </message>
    <message>
        <source>This device&apos;s wait ends within the hour anyway, so a code wouldn&apos;t shorten it.</source>
        <translation>Die Wartezeit dieses Geräts endet ohnehin innerhalb der nächsten Stunde, ein Code würde sie nicht verkürzen.</translation>
    </message>
    <message numerus="yes">
        <source>That code isn&apos;t right. %n attempt(s) left.</source>
        <translation>
            <numerusform>Dieser Code ist nicht richtig. Noch %n Versuch.</numerusform>
            <numerusform>Dieser Code ist nicht richtig. Noch %n Versuche.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SignInAlerts</name>
    <message>
        <source>New sign-in to your account</source>
        <translation>Neue Anmeldung bei Ihrem Konto</translation>
    </message>
    <message numerus="yes">
        <source>%n new device(s) signed in</source>
        <translation>
            <numerusform>%n neues Gerät angemeldet</numerusform>
            <numerusform>%n neue Geräte angemeldet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Review your devices if you don&apos;t recognize them.</source>
        <translation>%1. Prüfen Sie Ihre Geräte, falls Sie diese nicht erkennen.</translation>
    </message>
    <message>
        <source>Was this you?</source>
        <translation>Waren Sie das?</translation>
    </message>
    <message>
        <source>%1 signed in from %2 at %3. To confirm it or sign it out, use a device you&apos;ve signed in on before.</source>
        <translation>%1 hat sich um %3 in %2 angemeldet. Um es zu bestätigen oder abzumelden, verwenden Sie ein Gerät, auf dem Sie schon früher angemeldet waren.</translation>
    </message>
    <message>
        <source>%1 signed in from %2 at %3.</source>
        <translation>%1 hat sich um %3 in %2 angemeldet.</translation>
    </message>
</context>
<context>
    <name>vigil::SignInFlow</name>
    <message>
        <source>Enter the email address of your account.</source>
        <translation>Geben Sie die E-Mail-Adresse Ihres Kontos ein.</translation>
    </message>
    <message>
        <source>That doesn&apos;t look like an email address. Check it and try again.</source>
        <translation>Das sieht nicht wie eine E-Mail-Adresse aus. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Enter your password again to get a new try.</source>
        <translation>Zu viele falsche Codes. Geben Sie Ihr Passwort erneut ein, um einen neuen Versuch zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in took too long to finish. Enter your password again.</source>
        <translation>Die Anmeldung hat zu lange gedauert. Geben Sie Ihr Passwort erneut ein.</translation>
    </message>
    <message>
        <source>Vigil didn&apos;t use your saved sign-in: %1 Check the server address and sign in again.</source>
        <translation>Vigil hat Ihre gespeicherte Anmeldung nicht verwendet: %1 Prüfen Sie die Serveradresse und melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>vigil::SignInWindow</name>
    <message>
        <source>Sign In — Vigil</source>
        <translation>Anmelden – Vigil</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Sign In to Vigil</source>
        <translation>Bei Vigil anmelden</translation>
    </message>
    <message>
        <source>See every device on your account, and sign out the ones you don&apos;t trust.</source>
        <translation>Sehen Sie alle Geräte Ihres Kontos und melden Sie die ab, denen Sie nicht vertrauen.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>e.g. vigil.example.com or 127.0.0.1:8765</source>
        <translation>z. B. vigil.example.com oder 127.0.0.1:8765</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Keeps you signed in on this computer. Vigil stores the sign-in in your system keychain, never in a file.</source>
        <translation>Lässt Sie auf diesem Computer angemeldet. Vigil speichert die Anmeldung im Schlüsselbund Ihres Systems, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Your account uses 2-step verification. Enter the 6-digit code from your authenticator app.</source>
        <translation>Ihr Konto verwendet die Zwei-Faktor-Authentifizierung. Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Bestätigungscode</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Return to email and password</source>
        <translation>Zurück zu E-Mail-Adresse und Passwort</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>&amp;Verification code:</source>
        <translation>&amp;Bestätigungscode:</translation>
    </message>
    <message>
        <source>Demo mode: Vigil runs its own demo account service on this computer. Sign in with %1 and the password %2.</source>
        <translation>Demomodus: Vigil betreibt einen eigenen Demo-Kontodienst auf diesem Computer. Melden Sie sich mit %1 und dem Passwort %2 an.</translation>
    </message>
    <message>
        <source>Enter Your Code</source>
        <translation>Code eingeben</translation>
    </message>
    <message>
        <source>Signing you in again…</source>
        <translation>Sie werden erneut angemeldet …</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Code wird geprüft …</translation>
    </message>
</context>
<context>
    <name>vigil::SignOutActions</name>
    <message>
        <source>All Other Devices…</source>
        <translation>Alle anderen Geräte …</translation>
    </message>
    <message>
        <source>Sign out every device except this computer. You stay signed in to Vigil.</source>
        <translation>Alle Geräte außer diesem Computer abmelden. Sie bleiben bei Vigil angemeldet.</translation>
    </message>
    <message>
        <source>Every Device, Including This One…</source>
        <translation>Alle Geräte, auch dieses …</translation>
    </message>
    <message>
        <source>Sign out every device, this computer too. You&apos;ll need to sign in to Vigil again.</source>
        <translation>Alle Geräte abmelden, auch diesen Computer. Sie müssen sich danach erneut bei Vigil anmelden.</translation>
    </message>
</context>
<context>
    <name>vigil::SignOutConfirmationPage</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign-out question</source>
        <translation>Frage zur Abmeldung</translation>
    </message>
    <message>
        <source>What will be signed out</source>
        <translation>Was abgemeldet wird</translation>
    </message>
    <message>
        <source>Devices to sign out</source>
        <translation>Abzumeldende Geräte</translation>
    </message>
    <message>
        <source>What signing out means</source>
        <translation>Was Abmelden bedeutet</translation>
    </message>
    <message>
        <source>What is kept</source>
        <translation>Was erhalten bleibt</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>Signs the listed devices out now</source>
        <translation>Meldet die aufgeführten Geräte jetzt ab</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Sign Out %1?</source>
        <translation>%1 abmelden?</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Sign Out of %n Device(s)?</source>
        <translation>
            <numerusform>%n Gerät abmelden?</numerusform>
            <numerusform>%n Geräte abmelden?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sign Out of %n Device(s)</source>
        <translation>
            <numerusform>%n Gerät abmelden</numerusform>
            <numerusform>%n Geräte abmelden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out %n device(s):</source>
        <translation>
            <numerusform>Vigil meldet %n Gerät ab:</numerusform>
            <numerusform>Vigil meldet %n Geräte ab:</numerusform>
        </translation>
    </message>
    <message>
        <source>Anyone using it will need your password to sign in again. If it is offline, it is signed out when it next connects.</source>
        <translation>Wer es verwendet, braucht Ihr Passwort, um sich erneut anzumelden. Ist es offline, wird es bei der nächsten Verbindung abgemeldet.</translation>
    </message>
    <message>
        <source>Anyone using them will need your password to sign in again. Devices that are offline are signed out when they next connect.</source>
        <translation>Wer sie verwendet, braucht Ihr Passwort, um sich erneut anzumelden. Geräte, die offline sind, werden bei der nächsten Verbindung abgemeldet.</translation>
    </message>
    <message>
        <source>Sign Out of All Other Devices?</source>
        <translation>Alle anderen Geräte abmelden?</translation>
    </message>
    <message>
        <source>Sign Out of All Other Devices</source>
        <translation>Alle anderen Geräte abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out every device except this one (%n device(s)):</source>
        <translation>
            <numerusform>Vigil meldet alle Geräte außer diesem ab (%n Gerät):</numerusform>
            <numerusform>Vigil meldet alle Geräte außer diesem ab (%n Geräte):</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil will sign out every device except this one.</source>
        <translation>Vigil meldet alle Geräte außer diesem ab.</translation>
    </message>
    <message>
        <source>Sign Out of All Devices?</source>
        <translation>Alle Geräte abmelden?</translation>
    </message>
    <message>
        <source>Sign Out of All Devices</source>
        <translation>Alle Geräte abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out every device, including this one (%n device(s)):</source>
        <translation>
            <numerusform>Vigil meldet alle Geräte ab, auch dieses (%n Gerät):</numerusform>
            <numerusform>Vigil meldet alle Geräte ab, auch dieses (%n Geräte):</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil will sign out every device, including this one.</source>
        <translation>Vigil meldet alle Geräte ab, auch dieses.</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>• %1 — %2</source>
        <translation>• %1 – %2</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (dieses Gerät)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Profiles, viewing history and preferences are kept.</source>
        <translation>Profile, Wiedergabeverlauf und Einstellungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>This device is included: Vigil will sign you out too and you&apos;ll need to sign in again.</source>
        <translation>Dieses Gerät ist eingeschlossen: Vigil meldet auch Sie ab, und Sie müssen sich erneut anmelden.</translation>
    </message>
    <message>
        <source>This device is not included: it stays signed in.</source>
        <translation>Dieses Gerät ist nicht eingeschlossen: Es bleibt angemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out the %n device(s) last used with %1&apos;s profile:</source>
        <translation>
            <numerusform>Vigil meldet das Gerät ab, das zuletzt mit dem Profil von %1 genutzt wurde:</numerusform>
            <numerusform>Vigil meldet die %n Geräte ab, die zuletzt mit dem Profil von %1 genutzt wurden:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SignOutDialog</name>
    <message>
        <source>Sign Out Devices</source>
        <translation>Geräte abmelden</translation>
    </message>
    <message>
        <source>Signing Out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>Abmeldung läuft</translation>
    </message>
    <message>
        <source>Vigil is asking the service to sign the devices out. Devices that are offline are signed out when they next connect.</source>
        <translation>Vigil bittet den Dienst, die Geräte abzumelden. Geräte, die offline sind, werden bei der nächsten Verbindung abgemeldet.</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>Was gerade passiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Couldn&apos;t Sign Out</source>
        <translation>Abmelden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Couldn&apos;t sign out</source>
        <translation>Abmelden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Asks the service again to sign the same devices out</source>
        <translation>Bittet den Dienst erneut, dieselben Geräte abzumelden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgelaufen.</translation>
    </message>
    <message>
        <source>Email Me a Code…</source>
        <translation>Code per E-Mail senden …</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Sends a code to your account&apos;s email that lets this device sign out other devices in one hour</source>
        <translation>Sendet einen Code an die E-Mail-Adresse Ihres Kontos, mit dem dieses Gerät in einer Stunde andere Geräte abmelden kann</translation>
    </message>
</context>
<context>
    <name>vigil::SignOutResultsDisplayModel</name>
    <message>
        <source>Retrying…</source>
        <translation>Neuer Versuch …</translation>
    </message>
</context>
<context>
    <name>vigil::SignOutResultsModel</name>
    <message numerus="yes">
        <source>%n signed out</source>
        <translation>
            <numerusform>%n abgemeldet</numerusform>
            <numerusform>%n abgemeldet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>No devices</source>
        <translation>Keine Geräte</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Pending — will sign out when it reconnects</source>
        <translation>Ausstehend – wird bei der nächsten Verbindung abgemeldet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: signed out</source>
        <translation>%1: abgemeldet</translation>
    </message>
    <message>
        <source>%1: pending, will sign out when it reconnects</source>
        <translation>%1: ausstehend, wird bei der nächsten Verbindung abgemeldet</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: failed, %2</source>
        <translation>%1: fehlgeschlagen, %2</translation>
    </message>
    <message>
        <source>no longer signed in to your account</source>
        <translation>nicht mehr bei Ihrem Konto angemeldet</translation>
    </message>
</context>
<context>
    <name>vigil::SignOutResultsView</name>
    <message>
        <source>Sign-Out Results</source>
        <translation>Abmeldeergebnisse</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Sign-out results</source>
        <translation>Abmeldeergebnisse</translation>
    </message>
    <message>
        <source>Sign-out summary</source>
        <translation>Zusammenfassung der Abmeldung</translation>
    </message>
    <message>
        <source>Signed-out devices</source>
        <translation>Abgemeldete Geräte</translation>
    </message>
    <message>
        <source>About pending devices</source>
        <translation>Über ausstehende Geräte</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Tries again to sign out the devices that failed</source>
        <translation>Versucht erneut, die fehlgeschlagenen Geräte abzumelden</translation>
    </message>
    <message>
        <source>Pending devices can no longer use your account. They are told when they next connect, and their rows here change to &quot;Signed out&quot;. You can close this window: Vigil keeps track.</source>
        <translation>Ausstehende Geräte können Ihr Konto nicht mehr verwenden. Sie erfahren es bei der nächsten Verbindung, und ihre Zeilen hier wechseln zu „Abgemeldet“. Sie können dieses Fenster schließen: Vigil behält den Überblick.</translation>
    </message>
</context>
<context>
    <name>vigil::SignOutRowDelegate</name>
    <message>
        <source>Sign Out…</source>
        <translation>Abmelden …</translation>
    </message>
</context>
<context>
    <name>vigil::StepUpDialog</name>
    <message>
        <source>Confirm It&apos;s You</source>
        <translation>Identität bestätigen</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Identität bestätigen</translation>
    </message>
    <message>
        <source>Checks what you entered, then continues</source>
        <translation>Prüft Ihre Eingabe und fährt dann fort</translation>
    </message>
</context>
<context>
    <name>vigil::StepUpFlow</name>
    <message>
        <source>That code isn&apos;t right.</source>
        <translation>Dieser Code ist nicht richtig.</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n attempt(s) left.</source>
        <translation>
            <numerusform>%1 Noch %n Versuch.</numerusform>
            <numerusform>%1 Noch %n Versuche.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Try again.</source>
        <translation>%1 Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No attempts are left for this code. Send a new one.</source>
        <translation>Für diesen Code sind keine Versuche mehr übrig. Fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>No attempts are left. Start again.</source>
        <translation>Keine Versuche mehr übrig. Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>Code expired — send a new one.</source>
        <translation>Code abgelaufen – fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>This took too long. Start again.</source>
        <translation>Das hat zu lange gedauert. Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>Too many attempts — try again in %1.</source>
        <translation>Zu viele Versuche – versuchen Sie es in %1 erneut.</translation>
    </message>
    <message>
        <source>Too many attempts.</source>
        <translation>Zu viele Versuche.</translation>
    </message>
    <message>
        <source>Too many codes sent — you can send another in %1.</source>
        <translation>Zu viele Codes gesendet – Sie können in %1 einen weiteren anfordern.</translation>
    </message>
    <message>
        <source>Your verification has expired. Confirm it&apos;s you again.</source>
        <translation>Ihre Bestätigung ist abgelaufen. Bestätigen Sie erneut, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgelaufen.</translation>
    </message>
    <message>
        <source>That way to confirm isn&apos;t available for your account any more. Choose another one.</source>
        <translation>Diese Art der Bestätigung ist für Ihr Konto nicht mehr verfügbar. Wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>This security key isn&apos;t one of your account&apos;s keys.</source>
        <translation>Dieser Sicherheitsschlüssel gehört nicht zu Ihrem Konto.</translation>
    </message>
    <message>
        <source>This security key may have been copied (its counter went backwards). Use another way to confirm, and remove the key if you don&apos;t know why.</source>
        <translation>Dieser Sicherheitsschlüssel wurde möglicherweise kopiert (sein Zähler ist zurückgegangen). Bestätigen Sie auf andere Weise und entfernen Sie den Schlüssel, wenn Sie den Grund nicht kennen.</translation>
    </message>
</context>
<context>
    <name>vigil::SupportCodeDialog</name>
    <message>
        <source>&amp;All devices of the customer</source>
        <translation>Alle &amp;Geräte des Kunden</translation>
    </message>
    <message>
        <source>Sign Out Devices With Customer&apos;s Code</source>
        <translation>Geräte mit Kundencode abmelden</translation>
    </message>
    <message>
        <source>Ask the customer for the support code they created in Vigil (Security → Give support a code). It works once and for 10 minutes.</source>
        <translation>Fragen Sie den Kunden nach dem Support-Code, den er in Vigil erstellt hat (Sicherheit → Support-Code erstellen). Er gilt einmal und 10 Minuten lang.</translation>
    </message>
    <message>
        <source>Customer&apos;s code</source>
        <translation>Kundencode</translation>
    </message>
    <message>
        <source>XXXX-XXXX</source>
        <translation>XXXX-XXXX</translation>
    </message>
    <message>
        <source>Code format</source>
        <translation>Codeformat</translation>
    </message>
    <message numerus="yes">
        <source>The &amp;selected devices (%n)</source>
        <translation>
            <numerusform>Das &amp;ausgewählte Gerät (%n)</numerusform>
            <numerusform>Die &amp;ausgewählten Geräte (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Weiter …</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Sign out:</source>
        <translation>Abmelden:</translation>
    </message>
    <message>
        <source>8 characters, as the customer reads them out, for example 7KQ2-M9XF.</source>
        <translation>8 Zeichen, so wie der Kunde sie vorliest, zum Beispiel 7KQ2-M9XF.</translation>
    </message>
    <message>
        <source>A code has 8 letters and digits (no 0, 1, I, L or O), like 7KQ2-M9XF.</source>
        <translation>Ein Code hat 8 Buchstaben und Ziffern (ohne 0, 1, I, L und O), etwa 7KQ2-M9XF.</translation>
    </message>
</context>
<context>
    <name>vigil::SupportCustomer</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>vigil::SupportHeaderBar</name>
    <message>
        <source>Support mode</source>
        <translation>Support-Modus</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>angemeldet als %1</translation>
    </message>
    <message>
        <source>you are viewing a customer&apos;s account</source>
        <translation>Sie sehen das Konto eines Kunden ein</translation>
    </message>
    <message>
        <source>no customer open</source>
        <translation>kein Kunde geöffnet</translation>
    </message>
</context>
<context>
    <name>vigil::SupportOverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>The customer&apos;s account at a glance. Read-only.</source>
        <translation>Das Konto des Kunden auf einen Blick. Nur zur Ansicht.</translation>
    </message>
    <message>
        <source>Open a customer to see their account.</source>
        <translation>Öffnen Sie einen Kunden, um sein Konto zu sehen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Couldn&apos;t load the customer&apos;s account. %1</source>
        <translation>Das Konto des Kunden konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Loading the customer&apos;s account…</source>
        <translation>Das Konto des Kunden wird geladen …</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation>Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
</context>
<context>
    <name>vigil::SupportReasonDialog</name>
    <message>
        <source>Why are you opening this account?</source>
        <translation>Warum öffnen Sie dieses Konto?</translation>
    </message>
    <message>
        <source>The reason is recorded on the customer&apos;s account, and the customer can read it in their activity.</source>
        <translation>Der Grund wird im Konto des Kunden gespeichert, und der Kunde kann ihn in seiner Aktivität lesen.</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>For example: customer called about an unknown TV streaming on their account</source>
        <translation>Zum Beispiel: Kunde rief wegen eines unbekannten Fernsehers an, der über sein Konto streamt</translation>
    </message>
    <message>
        <source>Reason length</source>
        <translation>Länge des Grundes</translation>
    </message>
    <message>
        <source>Open Account</source>
        <translation>Konto öffnen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>Mindestens %n Zeichen.</numerusform>
            <numerusform>Mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SupportSearchPanel</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find a Customer</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Customer search</source>
        <translation>Kundensuche</translation>
    </message>
    <message>
        <source>Email address or account ID</source>
        <translation>E-Mail-Adresse oder Konto-ID</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Search by the email address or account ID the customer gives you.</source>
        <translation>Suchen Sie nach der E-Mail-Adresse oder Konto-ID, die der Kunde Ihnen nennt.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>Die Suche ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Couldn&apos;t search. %1</source>
        <translation>Die Suche war nicht möglich. %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2, %n device(s)</source>
        <translation>
            <numerusform>%1, %2, %n Gerät</numerusform>
            <numerusform>%1, %2, %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>No customers match “%1”.</source>
        <translation>Keine Kunden passen zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found. Open one with Enter or a double-click.</source>
        <translation>
            <numerusform>%n Kunde gefunden. Öffnen Sie ihn mit der Eingabetaste oder per Doppelklick.</numerusform>
            <numerusform>%n Kunden gefunden. Öffnen Sie einen mit der Eingabetaste oder per Doppelklick.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SupportService</name>
    <message numerus="yes">
        <source>Enter at least %n character(s) of the customer&apos;s email address or account ID.</source>
        <translation>
            <numerusform>Geben Sie mindestens %n Zeichen der E-Mail-Adresse oder Konto-ID des Kunden ein.</numerusform>
            <numerusform>Geben Sie mindestens %n Zeichen der E-Mail-Adresse oder Konto-ID des Kunden ein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Describe the reason in at least %n character(s); it is recorded on the customer&apos;s account.</source>
        <translation>
            <numerusform>Beschreiben Sie den Grund in mindestens %n Zeichen; er wird im Konto des Kunden gespeichert.</numerusform>
            <numerusform>Beschreiben Sie den Grund in mindestens %n Zeichen; er wird im Konto des Kunden gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use at most %1 characters (this reason has %2).</source>
        <translation>Verwenden Sie höchstens %1 Zeichen (dieser Grund hat %2).</translation>
    </message>
</context>
<context>
    <name>vigil::SupportSignOutSender</name>
    <message>
        <source>Ask the customer to create a new code in Vigil and read it to you.</source>
        <translation>Bitten Sie den Kunden, in Vigil einen neuen Code zu erstellen und ihn Ihnen vorzulesen.</translation>
    </message>
</context>
<context>
    <name>vigil::SupportWindow</name>
    <message>
        <source>Vigil — Support Mode</source>
        <translation>Vigil – Support-Modus</translation>
    </message>
    <message>
        <source>Sign Out of Vigil</source>
        <translation>Von Vigil abmelden</translation>
    </message>
    <message>
        <source>Search for the customer by the email address or account ID they give you, then open their account. You will be asked why; the customer can read your reason.</source>
        <translation>Suchen Sie den Kunden über die E-Mail-Adresse oder Konto-ID, die er Ihnen nennt, und öffnen Sie dann sein Konto. Sie werden nach dem Grund gefragt; der Kunde kann ihn lesen.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Sign Out Devices With Customer&apos;s Code…</source>
        <translation>Geräte mit Kundencode abmelden …</translation>
    </message>
    <message>
        <source>Sign Out Devices With Customer&apos;s Code</source>
        <translation>Geräte mit Kundencode abmelden</translation>
    </message>
    <message>
        <source>Sign out the selected devices, or all of them, with the one-time code the customer created in their Vigil</source>
        <translation>Die ausgewählten oder alle Geräte mit dem Einmalcode abmelden, den der Kunde in seinem Vigil erstellt hat</translation>
    </message>
    <message>
        <source>Close Customer</source>
        <translation>Kunde schließen</translation>
    </message>
    <message>
        <source>Customer&apos;s account</source>
        <translation>Konto des Kunden</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>search for “%1”</source>
        <translation>Suche nach „%1“</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ThisDeviceCard</name>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>This device name</source>
        <translation>Name dieses Geräts</translation>
    </message>
    <message>
        <source>This device details</source>
        <translation>Details dieses Geräts</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Vigil, signed in to your account</source>
        <translation>Vigil, bei Ihrem Konto angemeldet</translation>
    </message>
    <message>
        <source>This device is new</source>
        <translation>Dieses Gerät ist neu</translation>
    </message>
    <message>
        <source>Signed in recently: until %1 this computer can&apos;t sign out your other devices or change security settings. To lift this now, confirm it from a device you&apos;ve signed in on before.</source>
        <translation>Erst kürzlich angemeldet: Bis %1 kann dieser Computer Ihre anderen Geräte nicht abmelden und keine Sicherheitseinstellungen ändern. Um das sofort aufzuheben, bestätigen Sie ihn auf einem Gerät, auf dem Sie schon früher angemeldet waren.</translation>
    </message>
</context>
<context>
    <name>vigil::TotpEnrolmentDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Set Up Authenticator App</source>
        <translation>Authenticator-App einrichten</translation>
    </message>
    <message>
        <source>Set up authenticator app</source>
        <translation>Authenticator-App einrichten</translation>
    </message>
    <message>
        <source>1. Scan this code with your authenticator app.</source>
        <translation>1. Scannen Sie diesen Code mit Ihrer Authenticator-App.</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>QR-Code für Ihre Authenticator-App</translation>
    </message>
    <message>
        <source>Can&apos;t scan it? Enter this key in the app instead:</source>
        <translation>Scannen nicht möglich? Geben Sie stattdessen diesen Schlüssel in der App ein:</translation>
    </message>
    <message>
        <source>Setup key</source>
        <translation>Einrichtungsschlüssel</translation>
    </message>
    <message>
        <source>Copy Key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>2. Enter the 6-digit code the app shows now.</source>
        <translation>2. Geben Sie den 6-stelligen Code ein, den die App jetzt anzeigt.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Bestätigungscode</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Set-up problem</source>
        <translation>Problem bei der Einrichtung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>That code isn&apos;t right. %n attempt(s) left.</source>
        <translation>
            <numerusform>Dieser Code ist nicht richtig. Noch %n Versuch.</numerusform>
            <numerusform>Dieser Code ist nicht richtig. Noch %n Versuche.</numerusform>
        </translation>
    </message>
    <message>
        <source>That code isn&apos;t right. Check the time on your phone and try again.</source>
        <translation>Dieser Code ist nicht richtig. Prüfen Sie die Uhrzeit auf Ihrem Telefon und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This set-up has expired. Cancel and start again.</source>
        <translation>Diese Einrichtung ist abgelaufen. Brechen Sie ab und beginnen Sie von vorn.</translation>
    </message>
</context>
<context>
    <name>vigil::TotpMethod</name>
    <message>
        <source>Authenticator app</source>
        <translation>Authenticator-App</translation>
    </message>
</context>
<context>
    <name>vigil::TrayPresence</name>
    <message>
        <source>Show Vigil</source>
        <translation>Vigil anzeigen</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Vigil beenden</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Vigil is still running</source>
        <translation>Vigil läuft weiter</translation>
    </message>
    <message>
        <source>Vigil keeps watching for new sign-ins from the tray. To close it, choose Quit Vigil from its menu, or turn alerts off in Preferences.</source>
        <translation>Vigil achtet im Infobereich weiter auf neue Anmeldungen. Zum Schließen wählen Sie „Vigil beenden“ in seinem Menü oder schalten die Benachrichtigungen in den Einstellungen aus.</translation>
    </message>
</context>
<context>
    <name>vigil::TvSignInActions</name>
    <message>
        <source>Sign In a TV…</source>
        <translation>Fernseher anmelden…</translation>
    </message>
    <message>
        <source>Sign In a TV</source>
        <translation>Fernseher anmelden</translation>
    </message>
    <message>
        <source>Let a TV in front of you sign in with the code it shows, for good or as a guest</source>
        <translation>Einen Fernseher vor Ihnen mit dem angezeigten Code anmelden, dauerhaft oder als Gast</translation>
    </message>
</context>
<context>
    <name>vigil::TvSignInDialog</name>
    <message>
        <source>Sign In a TV</source>
        <translation>Fernseher anmelden</translation>
    </message>
    <message>
        <source>Sign in a TV</source>
        <translation>Fernseher anmelden</translation>
    </message>
    <message>
        <source>Type the code the TV shows</source>
        <translation>Geben Sie den Code ein, den der Fernseher anzeigt</translation>
    </message>
    <message>
        <source>On the TV, choose Sign In. It shows a code of 8 letters and digits, like WDJB-MJHT. Only sign in a TV you can see in front of you.</source>
        <translation>Wählen Sie auf dem Fernseher „Anmelden“. Er zeigt einen Code aus 8 Buchstaben und Ziffern, etwa WDJB-MJHT. Melden Sie nur einen Fernseher an, den Sie vor sich sehen.</translation>
    </message>
    <message>
        <source>TV code</source>
        <translation>Fernseher-Code</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Look Up</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Finds the TV that shows this code</source>
        <translation>Findet den Fernseher, der diesen Code anzeigt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Before Vigil signs in %1, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil %1 anmeldet, bestätigen Sie, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Looking Up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Vigil refused the TV. It can&apos;t sign in with that code.</source>
        <translation>Vigil hat den Fernseher abgelehnt. Er kann sich mit diesem Code nicht anmelden.</translation>
    </message>
    <message>
        <source>Before Vigil signs the TV in, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil den Fernseher anmeldet, bestätigen Sie, dass Sie es sind.</translation>
    </message>
</context>
<context>
    <name>vigil::TvSignInFlow</name>
    <message>
        <source>Type the 8 letters and digits the TV shows, like WDJB-MJHT.</source>
        <translation>Geben Sie die 8 Buchstaben und Ziffern ein, die der Fernseher anzeigt, etwa WDJB-MJHT.</translation>
    </message>
    <message numerus="yes">
        <source>That code doesn&apos;t match a TV waiting to sign in. Check the code on the TV screen. %n more attempt(s) before Vigil makes you wait.</source>
        <translation>
            <numerusform>Dieser Code passt zu keinem Fernseher, der auf die Anmeldung wartet. Prüfen Sie den Code auf dem Bildschirm. Noch %n Versuch, bevor Vigil Sie warten lässt.</numerusform>
            <numerusform>Dieser Code passt zu keinem Fernseher, der auf die Anmeldung wartet. Prüfen Sie den Code auf dem Bildschirm. Noch %n Versuche, bevor Vigil Sie warten lässt.</numerusform>
        </translation>
    </message>
    <message>
        <source>That code doesn&apos;t match a TV waiting to sign in. Check the code on the TV screen.</source>
        <translation>Dieser Code passt zu keinem Fernseher, der auf die Anmeldung wartet. Prüfen Sie den Code auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>That code has expired or was already used. Ask the TV for a new code and type that one.</source>
        <translation>Dieser Code ist abgelaufen oder wurde schon verwendet. Lassen Sie sich am Fernseher einen neuen Code anzeigen und geben Sie diesen ein.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele falsche Codes. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele falsche Codes. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong codes. Try again in a moment.</source>
        <translation>Zu viele falsche Codes. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Vigil needs to confirm it&apos;s you again before it signs the TV in.</source>
        <translation>Vigil muss erneut bestätigen, dass Sie es sind, bevor der Fernseher angemeldet wird.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Etwas ist schiefgegangen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is signed in as a guest until %2.</source>
        <translation>%1 ist als Gast angemeldet bis %2.</translation>
    </message>
    <message>
        <source>%1 is signed in until you sign it out.</source>
        <translation>%1 ist angemeldet, bis Sie es abmelden.</translation>
    </message>
</context>
<context>
    <name>vigil::TvSignInReviewPage</name>
    <message>
        <source>Device asking to sign in</source>
        <translation>Gerät, das sich anmelden möchte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Guest until…</source>
        <translation>&amp;Gast bis…</translation>
    </message>
    <message>
        <source>Guest until</source>
        <translation>Gast bis</translation>
    </message>
    <message>
        <source>The TV is signed out by itself at the time you choose</source>
        <translation>Der Fernseher wird zur gewählten Zeit von selbst abgemeldet</translation>
    </message>
    <message>
        <source>&amp;Until I sign it out</source>
        <translation>&amp;Bis ich ihn abmelde</translation>
    </message>
    <message>
        <source>Until I sign it out</source>
        <translation>Bis ich ihn abmelde</translation>
    </message>
    <message>
        <source>When it signs out</source>
        <translation>Wann er abgemeldet wird</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>App:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Zugang:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Refuse this TV: it can&apos;t sign in with this code</source>
        <translation>Diesen Fernseher ablehnen: Er kann sich mit diesem Code nicht anmelden</translation>
    </message>
    <message>
        <source>Sign In TV</source>
        <translation>Fernseher anmelden</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Stays signed in until you sign it out on the Devices page.</source>
        <translation>Bleibt angemeldet, bis Sie ihn auf der Seite „Geräte“ abmelden.</translation>
    </message>
    <message>
        <source>Signs out by itself %1 (in %2).</source>
        <translation>Wird %1 von selbst abgemeldet (in %2).</translation>
    </message>
    <message>
        <source>Signing In…</source>
        <translation>Wird angemeldet…</translation>
    </message>
</context>
<context>
    <name>vigil::TwoStepSection</name>
    <message>
        <source>2-Step Verification</source>
        <translation>Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Authenticator-App</translation>
    </message>
    <message>
        <source>Text message codes</source>
        <translation>SMS-Codes</translation>
    </message>
    <message>
        <source>Email codes</source>
        <translation>E-Mail-Codes</translation>
    </message>
    <message>
        <source>Recovery codes left</source>
        <translation>Verbleibende Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Set Up Authenticator App…</source>
        <translation>Authenticator-App einrichten …</translation>
    </message>
    <message>
        <source>Turn Off…</source>
        <translation>Ausschalten …</translation>
    </message>
    <message>
        <source>New Recovery Codes…</source>
        <translation>Neue Wiederherstellungscodes …</translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation>Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>2-step verification problem</source>
        <translation>Problem mit der Zwei-Faktor-Authentifizierung</translation>
    </message>
    <message>
        <source>Set Up Authenticator App</source>
        <translation>Authenticator-App einrichten</translation>
    </message>
    <message>
        <source>Turn Off Authenticator App</source>
        <translation>Authenticator-App ausschalten</translation>
    </message>
    <message>
        <source>New Recovery Codes</source>
        <translation>Neue Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Authenticator app:</source>
        <translation>Authenticator-App:</translation>
    </message>
    <message>
        <source>Text message codes:</source>
        <translation>SMS-Codes:</translation>
    </message>
    <message>
        <source>Email codes:</source>
        <translation>E-Mail-Codes:</translation>
    </message>
    <message>
        <source>Recovery codes:</source>
        <translation>Wiederherstellungscodes:</translation>
    </message>
    <message>
        <source>Email codes stay on: your verified address is your way back in.</source>
        <translation>E-Mail-Codes bleiben eingeschaltet: Über Ihre bestätigte Adresse kommen Sie immer wieder in Ihr Konto.</translation>
    </message>
    <message>
        <source>If you can&apos;t use the app, also accept:</source>
        <translation>Falls Sie die App nicht verwenden können, auch akzeptieren:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>✓ On</source>
        <translation>✓ Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>✓ On (%1)</source>
        <translation>✓ Ein (%1)</translation>
    </message>
    <message>
        <source>Off — add a verified phone number</source>
        <translation>Aus – fügen Sie eine bestätigte Telefonnummer hinzu</translation>
    </message>
    <message>
        <source>Off (%1)</source>
        <translation>Aus (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>Noch %n</numerusform>
            <numerusform>Noch %n</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Needs a verified phone number</source>
        <translation>Erfordert eine bestätigte Telefonnummer</translation>
    </message>
    <message>
        <source>Codes sent to %1</source>
        <translation>Codes gehen an %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Before Vigil sets up an authenticator app, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil eine Authenticator-App einrichtet, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>The authenticator app could not be set up.</source>
        <translation>Die Authenticator-App konnte nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>Turn Off Authenticator App?</source>
        <translation>Authenticator-App ausschalten?</translation>
    </message>
    <message>
        <source>Vigil will stop asking for codes from your authenticator app, and your recovery codes will stop working. Signing in will need only your password and email codes.</source>
        <translation>Vigil fragt dann nicht mehr nach Codes aus Ihrer Authenticator-App, und Ihre Wiederherstellungscodes funktionieren nicht mehr. Zur Anmeldung genügen dann Ihr Passwort und E-Mail-Codes.</translation>
    </message>
    <message>
        <source>Turn Off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Before Vigil turns off the authenticator app, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil die Authenticator-App ausschaltet, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>The authenticator app is still on.</source>
        <translation>Die Authenticator-App ist weiterhin eingeschaltet.</translation>
    </message>
    <message>
        <source>The authenticator app is off.</source>
        <translation>Die Authenticator-App ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Before Vigil makes new recovery codes, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil neue Wiederherstellungscodes erstellt, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>No new recovery codes were made.</source>
        <translation>Es wurden keine neuen Wiederherstellungscodes erstellt.</translation>
    </message>
    <message>
        <source>Before Vigil turns on text message codes, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil SMS-Codes einschaltet, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Before Vigil turns off text message codes, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil SMS-Codes ausschaltet, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Text message codes were not changed.</source>
        <translation>Die SMS-Codes wurden nicht geändert.</translation>
    </message>
</context>
<context>
    <name>vigil::TwoStepText</name>
    <message>
        <source>Your password alone signs you in. A second step stops someone who only has your password.</source>
        <translation>Ihr Passwort allein meldet Sie an. Ein zweiter Faktor hält jemanden auf, der nur Ihr Passwort kennt.</translation>
    </message>
    <message>
        <source>authenticator app</source>
        <translation>Authenticator-App</translation>
    </message>
    <message>
        <source>text message</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Second step: %1.</source>
        <translation>Zweiter Faktor: %1.</translation>
    </message>
</context>
<context>
    <name>vigil::UnrecognizedDeviceGuide</name>
    <message>
        <source>Keep Them Out</source>
        <translation>Unbefugte fernhalten</translation>
    </message>
    <message>
        <source>“%1” is signed out.</source>
        <translation>„%1“ ist abgemeldet.</translation>
    </message>
    <message>
        <source>Whoever used it may still know your password. Change it now, and turn on 2-step verification so a password alone is never enough.</source>
        <translation>Wer es verwendet hat, kennt möglicherweise noch Ihr Passwort. Ändern Sie es jetzt und schalten Sie die Zwei-Faktor-Authentifizierung ein, damit ein Passwort allein nie genügt.</translation>
    </message>
    <message>
        <source>Change Password…</source>
        <translation>Passwort ändern …</translation>
    </message>
    <message>
        <source>Review 2-Step Verification…</source>
        <translation>Zwei-Faktor-Authentifizierung prüfen …</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>vigil::VerificationMethod</name>
    <message>
        <source>That code isn&apos;t right.</source>
        <translation>Dieser Code ist nicht richtig.</translation>
    </message>
</context>
<context>
    <name>vigil::VerificationPage</name>
    <message>
        <source>Verification</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Confirm It&apos;s You</source>
        <translation>Identität bestätigen</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Identität bestätigen</translation>
    </message>
    <message>
        <source>Before Vigil signs devices out, confirm that it&apos;s you.</source>
        <translation>Bevor Vigil Geräte abmeldet, bestätigen Sie bitte, dass Sie es sind.</translation>
    </message>
    <message>
        <source>Why Vigil asks</source>
        <translation>Warum Vigil fragt</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Verification problem</source>
        <translation>Problem bei der Bestätigung</translation>
    </message>
    <message>
        <source>How do you want to confirm?</source>
        <translation>Wie möchten Sie bestätigen?</translation>
    </message>
    <message>
        <source>Verification method</source>
        <translation>Bestätigungsmethode</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Uses the chosen method</source>
        <translation>Verwendet die gewählte Methode</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Where the code was sent</source>
        <translation>Wohin der Code gesendet wurde</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Verbleibende Versuche</translation>
    </message>
    <message>
        <source>Resend Code</source>
        <translation>Code erneut senden</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Code erneut senden</translation>
    </message>
    <message>
        <source>Use Another Method…</source>
        <translation>Andere Methode verwenden …</translation>
    </message>
    <message>
        <source>Use another method</source>
        <translation>Andere Methode verwenden</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Checks what you entered, then signs the devices out</source>
        <translation>Prüft Ihre Eingabe und meldet dann die Geräte ab</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Bestätigungscode</translation>
    </message>
    <message numerus="yes">
        <source>%n-digit code</source>
        <translation>
            <numerusform>%n-stelliger Code</numerusform>
            <numerusform>%n-stelliger Code</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Enter the password of your Vigil account.</source>
        <translation>Geben Sie das Passwort Ihres Vigil-Kontos ein.</translation>
    </message>
    <message>
        <source>Sending a code…</source>
        <translation>Code wird gesendet …</translation>
    </message>
    <message>
        <source>We sent a code to %1.</source>
        <translation>Wir haben einen Code an %1 gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Enter the %n-digit code it shows now.</source>
        <translation>
            <numerusform>Geben Sie den %n-stelligen Code ein, der jetzt angezeigt wird.</numerusform>
            <numerusform>Geben Sie den %n-stelligen Code ein, der jetzt angezeigt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the code exactly as it is written.</source>
        <translation>Geben Sie den Code genau so ein, wie er geschrieben ist.</translation>
    </message>
    <message>
        <source>What to enter</source>
        <translation>Was einzugeben ist</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>Noch %n Versuch</numerusform>
            <numerusform>Noch %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Again</source>
        <translation>Von vorn beginnen</translation>
    </message>
    <message>
        <source>Send New Code</source>
        <translation>Neuen Code senden</translation>
    </message>
    <message>
        <source>Resend in %1</source>
        <translation>Erneut senden in %1</translation>
    </message>
    <message>
        <source>Confirm with one of your account&apos;s security keys.</source>
        <translation>Bestätigen Sie mit einem der Sicherheitsschlüssel Ihres Kontos.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
</TS>
