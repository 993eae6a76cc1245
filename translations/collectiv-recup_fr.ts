<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdAction</name>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdLifecycle</name>
    <message>
        <source>Only a moderator can do “%1” on an ad in the state “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner can do “%1” on an ad in the state “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be done by a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ad is in the state “%1”: “%2” is no longer possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not possible on an ad in the state “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdRepository</name>
    <message>
        <source>Only an agent can post an ad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ad could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ad no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner or a moderator may edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this ad since you opened it. What you typed is kept: reload the ad, then apply your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closed ad can no longer be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the ad is %1, only its quantity, weight, value, site and room can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner or a moderator may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this ad in the meantime; it is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has already dealt with this ad (“%2”); it is now %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what became of the item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this ad in the meantime.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdRules</name>
    <message>
        <source>The title must have at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title must have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description must have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This category cannot be offered here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimated value must be between 0 and %1 €.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimated weight must be between 0 and %1 kg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the site where the item is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room must have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that the item is offered for professional use between services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which service received the item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a moderator can remove an ad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the removal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note must have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the rejection: the poster will read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason must have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdState</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminCommands</name>
    <message>
        <source>Sets up and maintains the Collectiv&apos;Récup database.

Commands:
  init        create the schema, or upgrade it to this version
  seed-demo   load the demonstration data into an empty database
  add-agent   add an agent who logs in with their own database account
              (--login, --name, --email, --service, --role, --password-stdin)
  deactivate-agent  revoke an agent&apos;s login (--login); their ads and history stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL connection string (&quot;host=... dbname=...&quot;, &quot;service=NAME&quot;, a postgresql:// URI) or sqlite:FILE. Without it, the PG* environment variables are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code of the agent&apos;s service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent, moderator, logistics or admin; may be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the agent&apos;s password from the first line of standard input. Without it, the account has no password (single sign-on configured in pg_hba.conf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init, seed-demo, add-agent or deactivate-agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one command: init, seed-demo, add-agent or deactivate-agent (see --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot; (see --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already holds data: the demonstration data is only loaded into an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demonstration data loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivate-agent needs --login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 can no longer log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-stdin: no password was given on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add-agent needs --%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;: use agent, moderator, logistics or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseReason</name>
    <message>
        <source>Given to another service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thrown away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed by a moderator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>This entry already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry refers to something that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused a value that breaks its rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database server was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database file %1 cannot be opened. Check that the folder exists and that you may write in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no database of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure (TLS) connection to the server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name cannot be found on the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network and the server address, or ask your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database driver %1 is not installed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings are not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection option %1 may not contain a semicolon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The demo data built into this version is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo ad “%1” is too recent for its story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo ad “%1” could not be loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already holds data: the demo can only be loaded into an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data is missing from this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data has no moderator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalDemo</name>
    <message>
        <source>The folder %1 cannot be created. Check that you may write in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database in %1 is read-only. Check the rights on this folder, or ask your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailAddress</name>
    <message>
        <source>The email address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address %1 contains a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address %1 contains a space or an invisible character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address %1 contains a character that is not allowed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an email address of the form name@domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ of %1 may only hold unaccented letters, digits, dots and the usual symbols.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ of %1 is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain of the email address %1 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Collectiv&apos;Récup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup: agents of local authorities give each other the professional equipment they no longer need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared database: a libpq connection string (&quot;host=... dbname=...&quot;, &quot;service=NAME&quot;, &quot;postgresql://...&quot;) or sqlite:PATH. Overrides the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite file of the demo mode (created with demo data when missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: fr or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup could not connect to its database (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be used by this version of Collectiv&apos;Récup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MimeWriter</name>
    <message>
        <source>The message has no identity yet (Message-ID and date).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Message-ID %1 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header name %1 cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoScaler</name>
    <message>
        <source>The file %1 cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is too large: photos are limited to %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not a picture that can be read (JPEG, PNG or GIF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture in %1 cannot be read: the file may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no picture to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is too small (%1 × %2 pixels): it must be at least %3 pixels wide and high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture cannot be converted to JPEG.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresDialect</name>
    <message>
        <source>The login %1 is not valid: use 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PostgreSQL connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recup::AdDetailPane</name>
    <message>
        <source>Select an ad in the list to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming soon: you will be able to write to the giver from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchanges are between services, for professional use only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details of this ad could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recup::CatalogueModel</name>
    <message>
        <source>%1 (quantity: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone has already asked for this item; it may become available again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recup::CatalogueWindow</name>
    <message>
        <source>Collectiv&apos;Récup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lists of categories, services and sites could not be loaded. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse between services: give your professional equipment a second life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In demo mode, choose the agent you act as. This is not a login: anyone on this workstation can choose anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode — local database on this workstation. Choosing an identity is not a protection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: desk, cupboard, chair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the ads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every ad again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Collectiv&apos;Récup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) shown, loading more…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No ad matches your search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ad is published at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) shown; scroll down to see more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue could not be loaded. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup — reuse between services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents of local authorities give each other the professional equipment they no longer need: furniture, small objects, consumables. Never IT equipment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Collectiv&apos;Récup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recup::MessageBar</name>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recup::PickupFolderTransport</name>
    <message>
        <source>Cannot create the mail folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the mail file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recup::SmtpClient</name>
    <message>
        <source>No mail server is set in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is not available on this computer, so the mail server %1 cannot be reached securely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read a CA certificate from the file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 sent a reply this application does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused to start TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the sender %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the recipient %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was handed to the mail server %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused to reset the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 spoke out of turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS, which the settings require.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 does not accept logins, but a user name is set in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 offers no login method this application knows (it offers %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the mail server %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of the mail server %1 is not trusted (%2). Give the certificate of its authority in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the mail server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the mail server %1 was lost: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceRepository</name>
    <message>
        <source>This category does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This agent does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent has the login %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service has the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot be added: the login %1 is taken, or the service, the login or the email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database account may not create logins: the administrator needs the CREATEROLE right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database does not know who is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your login is not linked to an active agent of Collectiv&apos;Récup. Ask your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema version cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database does not hold Collectiv&apos;Récup yet. Ask your IT department to run &quot;collectiv-recup-admin init&quot; on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is at version %1 and this application needs version %2. Ask your IT department to run &quot;collectiv-recup-admin init&quot; to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is at version %1, newer than this application knows (version %2). Install the latest version of Collectiv&apos;Récup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade cannot start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade step %1 (%2) failed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema version cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
