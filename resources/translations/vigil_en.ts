<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>vigil::ActivityChart</name>
    <message numerus="yes">
        <source>%n sign-in(s)</source>
        <translation>
            <numerusform>%n sign-in</numerusform>
            <numerusform>%n sign-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n day(s)</source>
        <translation>
            <numerusform>over %n day</numerusform>
            <numerusform>over %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n place(s): </source>
        <translation>
            <numerusform>from %n place: </numerusform>
            <numerusform>from %n places: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ActivityEntry</name>
    <message numerus="yes">
        <source>%1 signed out %n device(s) with your support code — reason: %2</source>
        <translation>
            <numerusform>%1 signed out %n device with your support code — reason: %2</numerusform>
            <numerusform>%1 signed out %n devices with your support code — reason: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ActivityPage</name>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n event shown</numerusform>
            <numerusform>%n events shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>Exported %n event to %1.</numerusform>
            <numerusform>Exported %n events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ApiError</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter the current code from your authenticator app (%n attempt(s) left).</source>
        <translation>
            <numerusform>Enter the current code from your authenticator app (%n attempt left).</numerusform>
            <numerusform>Enter the current code from your authenticator app (%n attempts left).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::AuthenticatorText</name>
    <message numerus="yes">
        <source>That PIN isn&apos;t right. %n attempt(s) left before the key is blocked.</source>
        <translation>
            <numerusform>That PIN isn&apos;t right. %n attempt left before the key is blocked.</numerusform>
            <numerusform>That PIN isn&apos;t right. %n attempts left before the key is blocked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::Device</name>
    <message numerus="yes">
        <source>Will be signed out in %n day(s)</source>
        <translation>
            <numerusform>Will be signed out in %n day</numerusform>
            <numerusform>Will be signed out in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::GuestEnd</name>
    <message numerus="yes">
        <source>%n day(s) %1 h</source>
        <translation>
            <numerusform>%n day %1 h</numerusform>
            <numerusform>%n days %1 h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::HelpPage</name>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tip(s)</source>
        <translation>
            <numerusform>%n tip</numerusform>
            <numerusform>%n tips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::NewDevicesNotice</name>
    <message numerus="yes">
        <source>%n new device(s) waiting for you to confirm</source>
        <translation>
            <numerusform>%n new device is waiting for you to confirm it</numerusform>
            <numerusform>%n new devices are waiting for you to confirm them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::OverviewPage</name>
    <message numerus="yes">
        <source>%n device(s) signed in to your account, this computer included.</source>
        <translation>
            <numerusform>%n device signed in to your account, this computer included.</numerusform>
            <numerusform>%n devices signed in to your account, this computer included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s). Signing devices out never removes a profile.</source>
        <translation>
            <numerusform>%n profile. Signing devices out never removes a profile.</numerusform>
            <numerusform>%n profiles. Signing devices out never removes a profile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) connected right now: streaming, paused or idle.</source>
        <translation>
            <numerusform>%n device connected right now: streaming, paused or idle.</numerusform>
            <numerusform>%n devices connected right now: streaming, paused or idle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) signed in for the first time this week.</source>
        <translation>
            <numerusform>%n device signed in for the first time this week.</numerusform>
            <numerusform>%n devices signed in for the first time this week.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in countries your account doesn&apos;t usually use.</source>
        <translation>
            <numerusform>%n device in countries your account doesn&apos;t usually use.</numerusform>
            <numerusform>%n devices in countries your account doesn&apos;t usually use.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::PasswordChangeFlow</name>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>The new password needs at least %n character.</numerusform>
            <numerusform>The new password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password can have at most %n characters.</source>
        <translation>
            <numerusform>The new password can have at most %n character.</numerusform>
            <numerusform>The new password can have at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::PasswordChangeSection</name>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::PendingSignOutBanner</name>
    <message numerus="yes">
        <source>%n device(s) pending sign-out</source>
        <translation>
            <numerusform>%n device pending sign-out</numerusform>
            <numerusform>%n devices pending sign-out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::PreferencesPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ProfileSignOutButton</name>
    <message numerus="yes">
        <source>Sign Out %1&apos;s Device(s) (%n)…</source>
        <translation>
            <numerusform>Sign Out %1&apos;s Device (%n)…</numerusform>
            <numerusform>Sign Out %1&apos;s Devices (%n)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RecommendationsCard</name>
    <message numerus="yes">
        <source>%n device(s) inactive for 90+ days</source>
        <translation>
            <numerusform>%n device inactive for 90+ days</numerusform>
            <numerusform>%n devices inactive for 90+ days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in countries you haven&apos;t used before</source>
        <translation>
            <numerusform>%n device in countries you haven&apos;t used before</numerusform>
            <numerusform>%n devices in countries you haven&apos;t used before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minutes ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ReportProblemDialog</name>
    <message numerus="yes">
        <source>Saved %n file(s) to %1.</source>
        <translation>
            <numerusform>Saved %n file to %1.</numerusform>
            <numerusform>Saved %n files to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ShortenWaitDialog</name>
    <message numerus="yes">
        <source>That code isn&apos;t right. %n attempt(s) left.</source>
        <translation>
            <numerusform>That code isn&apos;t right. %n attempt left.</numerusform>
            <numerusform>That code isn&apos;t right. %n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SignInAlerts</name>
    <message numerus="yes">
        <source>%n new device(s) signed in</source>
        <translation>
            <numerusform>%n new device signed in</numerusform>
            <numerusform>%n new devices signed in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SignOutConfirmationPage</name>
    <message numerus="yes">
        <source>Sign Out of %n Device(s)?</source>
        <translation>
            <numerusform>Sign Out of %n Device?</numerusform>
            <numerusform>Sign Out of %n Devices?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sign Out of %n Device(s)</source>
        <translation>
            <numerusform>Sign Out of %n Device</numerusform>
            <numerusform>Sign Out of %n Devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out %n device(s):</source>
        <translation>
            <numerusform>Vigil will sign out %n device:</numerusform>
            <numerusform>Vigil will sign out %n devices:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out every device except this one (%n device(s)):</source>
        <translation>
            <numerusform>Vigil will sign out every device except this one (%n device):</numerusform>
            <numerusform>Vigil will sign out every device except this one (%n devices):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out every device, including this one (%n device(s)):</source>
        <translation>
            <numerusform>Vigil will sign out every device, including this one (%n device):</numerusform>
            <numerusform>Vigil will sign out every device, including this one (%n devices):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vigil will sign out the %n device(s) last used with %1&apos;s profile:</source>
        <translation>
            <numerusform>Vigil will sign out the one device last used with %1&apos;s profile:</numerusform>
            <numerusform>Vigil will sign out the %n devices last used with %1&apos;s profile:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SignOutResultsModel</name>
    <message numerus="yes">
        <source>%n signed out</source>
        <translation>
            <numerusform>%n signed out</numerusform>
            <numerusform>%n signed out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::StepUpFlow</name>
    <message numerus="yes">
        <source>%1 %n attempt(s) left.</source>
        <translation>
            <numerusform>%1 %n attempt left.</numerusform>
            <numerusform>%1 %n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SupportCodeDialog</name>
    <message numerus="yes">
        <source>The &amp;selected devices (%n)</source>
        <translation>
            <numerusform>The &amp;selected device (%n)</numerusform>
            <numerusform>The &amp;selected devices (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SupportReasonDialog</name>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SupportSearchPanel</name>
    <message numerus="yes">
        <source>%1, %2, %n device(s)</source>
        <translation>
            <numerusform>%1, %2, %n device</numerusform>
            <numerusform>%1, %2, %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found. Open one with Enter or a double-click.</source>
        <translation>
            <numerusform>%n customer found. Open it with Enter or a double-click.</numerusform>
            <numerusform>%n customers found. Open one with Enter or a double-click.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SupportService</name>
    <message numerus="yes">
        <source>Enter at least %n character(s) of the customer&apos;s email address or account ID.</source>
        <translation>
            <numerusform>Enter at least %n character of the customer&apos;s email address or account ID.</numerusform>
            <numerusform>Enter at least %n characters of the customer&apos;s email address or account ID.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Describe the reason in at least %n character(s); it is recorded on the customer&apos;s account.</source>
        <translation>
            <numerusform>Describe the reason in at least %n character; it is recorded on the customer&apos;s account.</numerusform>
            <numerusform>Describe the reason in at least %n characters; it is recorded on the customer&apos;s account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TotpEnrolmentDialog</name>
    <message numerus="yes">
        <source>That code isn&apos;t right. %n attempt(s) left.</source>
        <translation>
            <numerusform>That code isn&apos;t right. %n attempt left.</numerusform>
            <numerusform>That code isn&apos;t right. %n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TvSignInFlow</name>
    <message numerus="yes">
        <source>That code doesn&apos;t match a TV waiting to sign in. Check the code on the TV screen. %n more attempt(s) before Vigil makes you wait.</source>
        <translation>
            <numerusform>That code doesn&apos;t match a TV waiting to sign in. Check the code on the TV screen. %n more attempt before Vigil makes you wait.</numerusform>
            <numerusform>That code doesn&apos;t match a TV waiting to sign in. Check the code on the TV screen. %n more attempts before Vigil makes you wait.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong codes. Try again in %n second.</numerusform>
            <numerusform>Too many wrong codes. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TwoStepSection</name>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::VerificationPage</name>
    <message numerus="yes">
        <source>%n-digit code</source>
        <translation>
            <numerusform>%n-digit code</numerusform>
            <numerusform>%n-digit code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter the %n-digit code it shows now.</source>
        <translation>
            <numerusform>Enter the %n-digit code it shows now.</numerusform>
            <numerusform>Enter the %n-digit code it shows now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n attempt left</numerusform>
            <numerusform>%n attempts left</numerusform>
        </translation>
    </message>
</context>
</TS>
