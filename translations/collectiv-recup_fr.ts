<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Ad</name>
    <message>
        <source>Available from %1</source>
        <translation>Disponible à partir du %1</translation>
    </message>
    <message>
        <source>You asked for this item on %1.</source>
        <translation>Vous avez demandé cet objet le %1.</translation>
    </message>
</context>
<context>
    <name>AdAction</name>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Submit for moderation</source>
        <translation>Soumettre à la modération</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>Soumettre à nouveau</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <source>Release the reservation</source>
        <translation>Annuler la réservation</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <source>Expire</source>
        <translation>Expirer</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Send to the general store</source>
        <translation>Envoyer au magasin général</translation>
    </message>
    <message>
        <source>Hand over to another agent</source>
        <translation>Confier à un autre agent</translation>
    </message>
    <message>
        <source>Reserve part of the lot</source>
        <translation>Réserver une partie du lot</translation>
    </message>
    <message>
        <source>Release a reserved part</source>
        <translation>Libérer une partie réservée</translation>
    </message>
    <message>
        <source>Give a reserved part</source>
        <translation>Donner une partie réservée</translation>
    </message>
</context>
<context>
    <name>AdDraftStore</name>
    <message>
        <source>The draft could not be kept on this workstation (%1).</source>
        <translation>Le brouillon n’a pas pu être conservé sur ce poste (%1).</translation>
    </message>
</context>
<context>
    <name>AdHistory</name>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Submitted for moderation</source>
        <translation>Soumise à la modération</translation>
    </message>
    <message>
        <source>Approved and published</source>
        <translation>Approuvée et publiée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Submitted again</source>
        <translation>Soumise de nouveau</translation>
    </message>
    <message>
        <source>Edited, back to moderation</source>
        <translation>Modifiée, renvoyée en modération</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <source>Reservation released</source>
        <translation>Réservation levée</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Renouvelée</translation>
    </message>
    <message>
        <source>Removed by a moderator</source>
        <translation>Retirée par un modérateur</translation>
    </message>
    <message>
        <source>Delivered to the general store</source>
        <translation>Déposé au magasin général</translation>
    </message>
    <message>
        <source>Handed over by a moderator</source>
        <translation>Confiée par un modérateur</translation>
    </message>
    <message>
        <source>Handed over by a moderator (previously %1&apos;s ad)</source>
        <translation>Confiée par un modérateur (annonce de %1)</translation>
    </message>
    <message>
        <source>Part of the lot reserved</source>
        <translation>Partie du lot réservée</translation>
    </message>
    <message>
        <source>Reserved part released</source>
        <translation>Partie réservée libérée</translation>
    </message>
    <message>
        <source>Reserved part given</source>
        <translation>Partie réservée donnée</translation>
    </message>
</context>
<context>
    <name>AdLifecycle</name>
    <message>
        <source>Only a moderator can do “%1” on an ad in the state “%2”.</source>
        <translation>Seul un modérateur peut effectuer l’action «&#xa0;%1&#xa0;» sur une annonce à l’état «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner can do “%1” on an ad in the state “%2”.</source>
        <translation>Seul l’auteur de l’annonce peut effectuer l’action «&#xa0;%1&#xa0;» sur une annonce à l’état «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>“%1” must be done by a person.</source>
        <translation>L’action «&#xa0;%1&#xa0;» doit être effectuée par une personne.</translation>
    </message>
    <message>
        <source>This ad is in the state “%1”: “%2” is no longer possible.</source>
        <translation>Cette annonce est à l’état «&#xa0;%1&#xa0;»&#xa0;: l’action «&#xa0;%2&#xa0;» n’est plus possible.</translation>
    </message>
    <message>
        <source>“%1” is not possible on an ad in the state “%2”.</source>
        <translation>L’action «&#xa0;%1&#xa0;» n’est pas possible sur une annonce à l’état «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>AdRepository</name>
    <message>
        <source>Only an agent can post an ad.</source>
        <translation>Seul un agent peut déposer une annonce.</translation>
    </message>
    <message>
        <source>The ad could not be saved.</source>
        <translation>L’annonce n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>This ad no longer exists.</source>
        <translation>Cette annonce n’existe plus.</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner or a moderator may edit it.</source>
        <translation>Seuls l’auteur de l’annonce et les modérateurs peuvent la modifier.</translation>
    </message>
    <message>
        <source>Someone else changed this ad since you opened it. What you typed is kept: reload the ad, then apply your change again.</source>
        <translation>Quelqu’un d’autre a modifié cette annonce depuis que vous l’avez ouverte. Votre saisie est conservée&#xa0;: rechargez l’annonce, puis refaites votre modification.</translation>
    </message>
    <message>
        <source>A closed ad can no longer be edited.</source>
        <translation>Une annonce clôturée ne peut plus être modifiée.</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner or a moderator may do this.</source>
        <translation>Seuls l’auteur de l’annonce et les modérateurs peuvent effectuer cette action.</translation>
    </message>
    <message>
        <source>Someone else changed this ad in the meantime; it is now %1.</source>
        <translation>Quelqu’un d’autre a modifié cette annonce entre-temps&#xa0;; elle est maintenant %1.</translation>
    </message>
    <message>
        <source>%1 has already dealt with this ad (“%2”); it is now %3.</source>
        <translation>%1 a déjà traité cette annonce («&#xa0;%2&#xa0;»)&#xa0;; elle est maintenant %3.</translation>
    </message>
    <message>
        <source>Say what became of the item.</source>
        <translation>Indiquez ce qu’est devenu l’objet.</translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation>La modification n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>Someone else changed this ad in the meantime.</source>
        <translation>Quelqu’un d’autre a modifié cette annonce entre-temps.</translation>
    </message>
    <message>
        <source>This ad has no such step in its history.</source>
        <translation>Cette annonce n’a pas cette étape dans son historique.</translation>
    </message>
    <message>
        <source>This site does not exist any more: choose another.</source>
        <translation>Ce site n’existe plus&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>While the ad is %1, only its quantity, weight, value and site can change.</source>
        <translation>Tant que l’annonce est %1, seuls sa quantité, son poids, sa valeur et son site peuvent être modifiés.</translation>
    </message>
    <message>
        <source>This item is on its way to the general store: it waits there until delivered. To change your mind, cancel the transport first.</source>
        <translation>Cet objet part au magasin général&#xa0;: il attend d’y être livré. Pour changer d’avis, annulez d’abord le transport.</translation>
    </message>
    <message>
        <source>This agent does not exist.</source>
        <translation>Cet agent n’existe pas.</translation>
    </message>
    <message>
        <source>The ads cannot be handed over to the agent who has them: choose another agent.</source>
        <translation>Les annonces ne peuvent pas être confiées à l’agent qui les a déjà&#xa0;: choisissez un autre agent.</translation>
    </message>
    <message>
        <source>%1 is no longer active: hand the ads over to an active agent.</source>
        <translation>%1 n’est plus actif&#xa0;: confiez les annonces à un agent actif.</translation>
    </message>
    <message>
        <source>Only moderators and administrators hand ads over.</source>
        <translation>Seuls les modérateurs et les administrateurs confient des annonces à un autre agent.</translation>
    </message>
    <message>
        <source>One of the ads changed meanwhile; nothing was handed over. Try again.</source>
        <translation>Une des annonces a changé entre-temps&#xa0;; aucune n’a été confiée. Réessayez.</translation>
    </message>
    <message>
        <source>The ads could not be handed over.</source>
        <translation>Les annonces n’ont pas pu être confiées.</translation>
    </message>
    <message>
        <source>This category is no longer offered: choose another one.</source>
        <translation>Cette catégorie n’est plus proposée&#xa0;: choisissez-en une autre.</translation>
    </message>
    <message>
        <source>This site is closed: choose another one.</source>
        <translation>Ce site est fermé&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>This service is no longer active: choose the service that receives the item among the active ones.</source>
        <translation>Ce service n’est plus actif&#xa0;: choisissez le service qui reçoit l’objet parmi les services actifs.</translation>
    </message>
    <message>
        <source>Your service is no longer active: ask a moderator to move you to an active service, then post the ad again.</source>
        <translation>Votre service n’est plus actif&#xa0;: demandez à un modérateur de vous rattacher à un service actif, puis publiez l’annonce à nouveau.</translation>
    </message>
    <message>
        <source>%1 is still active: only the ads of an agent who has left are handed over. Deactivate %1 first.</source>
        <translation>%1 est encore en poste&#xa0;: seules les annonces d’un agent parti peuvent être confiées. Désactivez d’abord le compte de %1.</translation>
    </message>
    <message>
        <source>Only an administrator deactivates a moderator, an administrator or themselves: %1&apos;s ads stay theirs until then.</source>
        <translation>Seul un administrateur désactive un modérateur, un administrateur ou lui-même&#xa0;: les annonces de %1 restent les siennes jusque-là.</translation>
    </message>
    <message>
        <source>The service of %1 is no longer active: move them to an active service first, or choose another agent.</source>
        <translation>Le service de %1 n’est plus actif&#xa0;: rattachez d’abord cet agent à un service actif, ou choisissez un autre agent.</translation>
    </message>
    <message>
        <source>A moderator does not take over a leaving agent&apos;s ads: choose another agent, or ask an administrator.</source>
        <translation>Un modérateur ne reprend pas lui-même les annonces d’un agent parti&#xa0;: choisissez un autre agent, ou demandez-le à un administrateur.</translation>
    </message>
    <message>
        <source>There are not that many left: someone reserved part of the lot meanwhile. Reserve at most what is left.</source>
        <translation>Il n’en reste pas autant&#xa0;: une partie du lot a été réservée entre-temps. Réservez au plus ce qui reste.</translation>
    </message>
    <message>
        <source>This service is no longer active: choose an active service.</source>
        <translation>Ce service n’est plus actif&#xa0;: choisissez un service actif.</translation>
    </message>
    <message>
        <source>This reservation was already released or given.</source>
        <translation>Cette réservation a déjà été libérée ou donnée.</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner may reserve or give part of a published lot.</source>
        <translation>Seul l’auteur de l’annonce peut réserver ou donner une partie d’un lot publié.</translation>
    </message>
    <message>
        <source>Part of this lot is reserved for a service: release or give the reserved parts first.</source>
        <translation>Une partie de ce lot est réservée pour un service&#xa0;: libérez ou donnez d’abord les parties réservées.</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner may reserve or give part of a lot.</source>
        <translation>Seul l’auteur de l’annonce peut réserver ou donner une partie d’un lot.</translation>
    </message>
    <message>
        <source>This reservation no longer exists.</source>
        <translation>Cette réservation n’existe plus.</translation>
    </message>
    <message>
        <source>Reserve at least one item.</source>
        <translation>Réservez au moins un objet.</translation>
    </message>
    <message>
        <source>Nothing is left of this lot to reserve.</source>
        <translation>Il ne reste plus rien de ce lot à réserver.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n left: reserve at most that many.</source>
        <translation>
            <numerusform>Il n’en reste que %n&#xa0;: réservez-en au plus autant.</numerusform>
            <numerusform>Il n’en reste que %n&#xa0;: réservez-en au plus autant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the service to reserve for.</source>
        <translation>Choisissez le service pour lequel réserver.</translation>
    </message>
    <message>
        <source>The reservation could not be saved.</source>
        <translation>La réservation n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>This service is no longer active: release its part, then reserve it for an active service.</source>
        <translation>Ce service n’est plus actif&#xa0;: libérez sa partie, puis réservez-la pour un service actif.</translation>
    </message>
    <message>
        <source>Part of this lot is reserved or given: its quantity, value, weight and category can no longer change.</source>
        <translation>Une partie de ce lot est réservée ou donnée&#xa0;: sa quantité, sa valeur, son poids et sa catégorie ne peuvent plus changer.</translation>
    </message>
    <message>
        <source>Say why you release this part: its owner will read it in the ad&apos;s history.</source>
        <translation>Dites pourquoi vous libérez cette partie&#xa0;: son titulaire le lira dans l’historique de l’annonce.</translation>
    </message>
</context>
<context>
    <name>AdRules</name>
    <message>
        <source>The title must have at least %1 characters.</source>
        <translation>Le titre doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The title must have at most %1 characters.</source>
        <translation>Le titre doit comporter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The description must have at most %1 characters.</source>
        <translation>La description doit comporter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Choisissez une catégorie.</translation>
    </message>
    <message>
        <source>This category cannot be offered here.</source>
        <translation>Les objets de cette catégorie ne peuvent pas être proposés ici.</translation>
    </message>
    <message>
        <source>The quantity must be between 1 and %1.</source>
        <translation>La quantité doit être comprise entre 1 et %1.</translation>
    </message>
    <message>
        <source>The estimated value must be between 0 and %1 €.</source>
        <translation>La valeur estimée doit être comprise entre 0 et %1&#xa0;€.</translation>
    </message>
    <message>
        <source>The estimated weight must be between 0 and %1 kg.</source>
        <translation>Le poids estimé doit être compris entre 0 et %1&#xa0;kg.</translation>
    </message>
    <message>
        <source>Choose the site where the item is.</source>
        <translation>Choisissez le site où se trouve l’objet.</translation>
    </message>
    <message>
        <source>The room must have at most %1 characters.</source>
        <translation>Le champ «&#xa0;Salle&#xa0;» doit comporter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>At most %1 photos.</source>
        <translation>%1 photos au maximum.</translation>
    </message>
    <message>
        <source>Confirm that the item is offered for professional use between services.</source>
        <translation>Confirmez que l’objet est proposé pour un usage professionnel entre services.</translation>
    </message>
    <message>
        <source>Say which service received the item.</source>
        <translation>Indiquez le service qui a reçu l’objet.</translation>
    </message>
    <message>
        <source>Only a moderator can remove an ad.</source>
        <translation>Seul un modérateur peut retirer une annonce.</translation>
    </message>
    <message>
        <source>Give the reason for the removal.</source>
        <translation>Indiquez le motif du retrait.</translation>
    </message>
    <message>
        <source>The note must have at most %1 characters.</source>
        <translation>Le commentaire doit comporter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Give the reason for the rejection: the poster will read it.</source>
        <translation>Indiquez le motif du refus&#xa0;: l’auteur de l’annonce le lira.</translation>
    </message>
    <message>
        <source>The reason must have at most %1 characters.</source>
        <translation>Le motif doit comporter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The title contains a character that cannot be saved (a line break, a control character or a broken symbol, often brought by a paste): remove it.</source>
        <translation>Le titre contient un caractère qui ne peut pas être enregistré (un retour à la ligne, un caractère de contrôle ou un symbole tronqué, souvent apporté par un copier-coller)&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>The description contains a character that cannot be saved (a control character or a broken symbol, often brought by a paste): remove it.</source>
        <translation>La description contient un caractère qui ne peut pas être enregistré (un caractère de contrôle ou un symbole tronqué, souvent apporté par un copier-coller)&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>The room contains a character that cannot be saved (a line break, a control character or a broken symbol, often brought by a paste): remove it.</source>
        <translation>Le champ «&#xa0;Salle&#xa0;» contient un caractère qui ne peut pas être enregistré (un retour à la ligne, un caractère de contrôle ou un symbole tronqué, souvent apporté par un copier-coller)&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>The note contains a character that cannot be saved (a control character or a broken symbol): remove it.</source>
        <translation>Le commentaire contient un caractère qui ne peut pas être enregistré (un caractère de contrôle ou un symbole tronqué)&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>The reason contains a character that cannot be saved (a control character or a broken symbol): remove it.</source>
        <translation>Le motif contient un caractère qui ne peut pas être enregistré (un caractère de contrôle ou un symbole tronqué)&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>Give the estimated value in euros, or tick “No value” if the item is worth nothing.</source>
        <translation>Indiquez la valeur estimée en euros, ou cochez «&#xa0;Sans valeur&#xa0;» si l’objet ne vaut rien.</translation>
    </message>
    <message>
        <source>Type an amount in euros, for example 1 234,50.</source>
        <translation>Saisissez un montant en euros, par exemple 1&#xa0;234,50.</translation>
    </message>
    <message>
        <source>0 €: tick “No value” to say that the item is worth nothing.</source>
        <translation>0&#xa0;€&#xa0;: cochez «&#xa0;Sans valeur&#xa0;» pour dire que l’objet ne vaut rien.</translation>
    </message>
    <message>
        <source>The item cannot be available from a day already past: choose today or a later day.</source>
        <translation>L’objet ne peut pas être disponible à partir d’un jour déjà passé&#xa0;: choisissez aujourd’hui ou un jour suivant.</translation>
    </message>
</context>
<context>
    <name>AdState</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Awaiting moderation</source>
        <translation>En attente de modération</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
</context>
<context>
    <name>AdTimeline</name>
    <message>
        <source>The platform</source>
        <translation>La plateforme</translation>
    </message>
    <message>
        <source>%1 (moderation)</source>
        <translation>%1 (modération)</translation>
    </message>
    <message>
        <source>%1 created the draft</source>
        <translation>%1 a créé le brouillon</translation>
    </message>
    <message>
        <source>%1 sent the ad to moderation</source>
        <translation>%1 a envoyé l’annonce en modération</translation>
    </message>
    <message>
        <source>%1 approved and published the ad</source>
        <translation>%1 a approuvé et publié l’annonce</translation>
    </message>
    <message>
        <source>%1 rejected the ad</source>
        <translation>%1 a refusé l’annonce</translation>
    </message>
    <message>
        <source>%1 sent the ad to moderation again</source>
        <translation>%1 a renvoyé l’annonce en modération</translation>
    </message>
    <message>
        <source>%1 changed the ad, which went back to moderation</source>
        <translation>%1 a modifié l’annonce, repartie en modération</translation>
    </message>
    <message>
        <source>%1 marked the item as reserved</source>
        <translation>%1 a marqué l’objet comme réservé</translation>
    </message>
    <message>
        <source>%1 released the reservation</source>
        <translation>%1 a levé la réservation</translation>
    </message>
    <message>
        <source>%1 closed the ad</source>
        <translation>%1 a clôturé l’annonce</translation>
    </message>
    <message>
        <source>The ad expired</source>
        <translation>L’annonce a expiré</translation>
    </message>
    <message>
        <source>%1 renewed the ad</source>
        <translation>%1 a renouvelé l’annonce</translation>
    </message>
    <message>
        <source>%1 removed the ad</source>
        <translation>%1 a retiré l’annonce</translation>
    </message>
    <message>
        <source>%1 took the item in at the general store</source>
        <translation>%1 a pris l’objet en charge au magasin général</translation>
    </message>
    <message>
        <source>%1 handed the ad over to a new owner</source>
        <translation>%1 a confié l’annonce à un nouveau titulaire</translation>
    </message>
    <message>
        <source>%1 handed the ad over (it was %2&apos;s)</source>
        <translation>%1 a transféré l’annonce (elle était à %2)</translation>
    </message>
    <message>
        <source>%1 reserved %2 of the lot for %3</source>
        <translation>%1 a réservé %2 du lot pour %3</translation>
    </message>
    <message>
        <source>%1 released the part of %2 reserved for %3</source>
        <translation>%1 a libéré la partie de %2 réservée pour %3</translation>
    </message>
    <message>
        <source>%1 gave %2 of the lot to %3</source>
        <translation>%1 a donné %2 du lot à %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AdWorkflow</name>
    <message>
        <source>A transport is asked when closing an ad as exchanged.</source>
        <translation>Un transport se demande en clôturant une annonce comme échangée.</translation>
    </message>
    <message>
        <source>The part could not be given.</source>
        <translation>La partie n’a pas pu être donnée.</translation>
    </message>
</context>
<context>
    <name>AdminCommands</name>
    <message>
        <source>PostgreSQL connection string (&quot;host=... dbname=...&quot;, &quot;service=NAME&quot;, a postgresql:// URI) or sqlite:FILE. Without it, the PG* environment variables are used.</source>
        <translation>Chaîne de connexion PostgreSQL (&quot;host=... dbname=...&quot;, &quot;service=NOM&quot;, une URI postgresql://) ou sqlite:FICHIER. Sans cette option, les variables d’environnement PG* sont utilisées.</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>conninfo</translation>
    </message>
    <message>
        <source>Agent&apos;s login.</source>
        <translation>Identifiant de l’agent.</translation>
    </message>
    <message>
        <source>login</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>Agent&apos;s full name.</source>
        <translation>Prénom et nom de l’agent.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Agent&apos;s email address.</source>
        <translation>Adresse électronique de l’agent.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>courriel</translation>
    </message>
    <message>
        <source>Agent&apos;s phone number.</source>
        <translation>Numéro de téléphone de l’agent.</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>Code of the agent&apos;s service.</source>
        <translation>Code du service de l’agent.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>agent, moderator, logistics or admin; may be repeated.</source>
        <translation>agent, moderator, logistics ou admin&#xa0;; peut être répété.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>Read the agent&apos;s password from the first line of standard input. Without it, the account has no password (single sign-on configured in pg_hba.conf).</source>
        <translation>Lit le mot de passe de l’agent sur la première ligne de l’entrée standard. Sans cette option, le compte n’a pas de mot de passe (authentification unique configurée dans pg_hba.conf).</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot; (see --help).</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;» (voir --help).</translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation>Le schéma est à jour (version %1).</translation>
    </message>
    <message>
        <source>This database already holds data: the demonstration data is only loaded into an empty database.</source>
        <translation>Cette base de données contient déjà des données&#xa0;: les données de démonstration ne se chargent que dans une base vide.</translation>
    </message>
    <message>
        <source>Demonstration data loaded.</source>
        <translation>Données de démonstration chargées.</translation>
    </message>
    <message>
        <source>deactivate-agent needs --login.</source>
        <translation>deactivate-agent nécessite l’option --login.</translation>
    </message>
    <message>
        <source>Agent %1 can no longer log in.</source>
        <translation>L’agent %1 ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>--password-stdin: no password was given on standard input.</source>
        <translation>--password-stdin&#xa0;: aucun mot de passe n’a été fourni sur l’entrée standard.</translation>
    </message>
    <message>
        <source>add-agent needs --%1.</source>
        <translation>add-agent nécessite l’option --%1.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;: use agent, moderator, logistics or admin.</source>
        <translation>Rôle inconnu «&#xa0;%1&#xa0;»&#xa0;: utilisez agent, moderator, logistics ou admin.</translation>
    </message>
    <message>
        <source>Agent %1 added.</source>
        <translation>L’agent %1 a été ajouté.</translation>
    </message>
    <message>
        <source>relay: send what is due, print the count and exit.</source>
        <translation>relay&#xa0;: envoie les courriels dus, affiche leur nombre et s’arrête.</translation>
    </message>
    <message>
        <source>relay: SMTP server&apos;s host name.</source>
        <translation>relay&#xa0;: nom d’hôte du serveur SMTP.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>relay: SMTP server&apos;s port (default: 25, 587 or 465 after --smtp-security).</source>
        <translation>relay&#xa0;: port du serveur SMTP (par défaut&#xa0;: 25, 587 ou 465 selon --smtp-security).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>relay: none, starttls (default) or tls.</source>
        <translation>relay&#xa0;: none, starttls (par défaut) ou tls.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>relay: write .eml files into this folder instead of sending over SMTP.</source>
        <translation>relay&#xa0;: écrit des fichiers .eml dans ce dossier au lieu d’envoyer par SMTP.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>relay: seconds between two looks for due mails (default 30).</source>
        <translation>relay&#xa0;: secondes entre deux recherches de courriels dus (30 par défaut).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>relay: an INI file with the mail/ keys (transport, smtpHost, smtpPort, smtpSecurity, smtpUser, smtpPasswordFile, smtpCaFile, pickupFolder) and database/conninfo; the options given here win over it.</source>
        <translation>relay&#xa0;: un fichier INI avec les clés mail/ (transport, smtpHost, smtpPort, smtpSecurity, smtpUser, smtpPasswordFile, smtpCaFile, pickupFolder) et database/conninfo&#xa0;; les options données ici l’emportent sur lui.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>relay: SMTP login; the password is read from RECUP_SMTP_PASSWORD, or else from the password file.</source>
        <translation>relay&#xa0;: identifiant SMTP&#xa0;; le mot de passe est lu dans RECUP_SMTP_PASSWORD, sinon dans le fichier de mot de passe.</translation>
    </message>
    <message>
        <source>relay: a file whose first line is the SMTP password, readable by its owner only.</source>
        <translation>relay&#xa0;: un fichier dont la première ligne est le mot de passe SMTP, lisible par son seul propriétaire.</translation>
    </message>
    <message>
        <source>--config is for the relay command.</source>
        <translation>--config ne sert qu’à la commande relay.</translation>
    </message>
    <message>
        <source>mail-policy: the address every mail comes from.</source>
        <translation>mail-policy&#xa0;: l’adresse d’où partent tous les courriels.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>mail-policy: the name shown beside it.</source>
        <translation>mail-policy&#xa0;: le nom affiché à côté.</translation>
    </message>
    <message>
        <source>mail-policy: the moderators&apos; shared address (empty: each moderator&apos;s own).</source>
        <translation>mail-policy&#xa0;: l’adresse commune des modérateurs (vide&#xa0;: l’adresse de chaque modérateur).</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a mail address.</source>
        <translation>--%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <source>Mails come from: %1</source>
        <translation>Les courriels partent de&#xa0;: %1</translation>
    </message>
    <message>
        <source>ne-pas-repondre@ the acting agent&apos;s mail domain</source>
        <translation>ne-pas-repondre@ le domaine de messagerie de l’agent qui agit</translation>
    </message>
    <message>
        <source>Moderators are written to at: %1</source>
        <translation>Les modérateurs reçoivent les courriels à&#xa0;: %1</translation>
    </message>
    <message>
        <source>each moderator&apos;s own address</source>
        <translation>l’adresse de chaque modérateur</translation>
    </message>
    <message>
        <source>report: the semester, as 2026-S1 or 2026-S2.</source>
        <translation>report&#xa0;: le semestre, sous la forme 2026-S1 ou 2026-S2.</translation>
    </message>
    <message>
        <source>semester</source>
        <translation>semestre</translation>
    </message>
    <message>
        <source>report: the year of the reuse declaration.</source>
        <translation>report&#xa0;: l’année de la déclaration du réemploi.</translation>
    </message>
    <message>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <source>report: the yearly declaration of purchases from reuse (loi AGEC, décret 2024-134), per product family.</source>
        <translation>report&#xa0;: la déclaration annuelle des achats issus du réemploi (loi AGEC, décret 2024-134), par famille de produits.</translation>
    </message>
    <message>
        <source>report --declaration: only this organisation (its code); without it, one block per organisation.</source>
        <translation>report --declaration&#xa0;: seulement cette organisation (son code)&#xa0;; sans elle, un bloc par organisation.</translation>
    </message>
    <message>
        <source>report: pdf or csv (the declaration is csv).</source>
        <translation>report&#xa0;: pdf ou csv (la déclaration est en csv).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>The declaration is yearly: give --year, not --semester.</source>
        <translation>La déclaration est annuelle&#xa0;: donnez --year, pas --semester.</translation>
    </message>
    <message>
        <source>The declaration is written as csv (--format csv).</source>
        <translation>La déclaration s’écrit en csv (--format csv).</translation>
    </message>
    <message>
        <source>Declaration of %1 written to %2.</source>
        <translation>Déclaration de %1 écrite dans %2.</translation>
    </message>
    <message>
        <source>--year and --organisation are for the declaration (--declaration).</source>
        <translation>--year et --organisation servent à la déclaration (--declaration).</translation>
    </message>
    <message>
        <source>--format: pdf or csv.</source>
        <translation>--format&#xa0;: pdf ou csv.</translation>
    </message>
    <message>
        <source>Report of the %1 written to %2: %3.</source>
        <translation>Rapport du %1 écrit dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>report needs --output FILE.</source>
        <translation>report a besoin de --output FICHIER.</translation>
    </message>
    <message>
        <source>report needs --semester (as 2026-S2) or --declaration --year.</source>
        <translation>report a besoin de --semester (comme 2026-S2) ou de --declaration --year.</translation>
    </message>
    <message>
        <source>report, pickup-list: the file to write.</source>
        <translation>report, pickup-list&#xa0;: le fichier à écrire.</translation>
    </message>
    <message>
        <source>pickup-list: the day, as 2026-12-04.</source>
        <translation>pickup-list&#xa0;: le jour, par exemple 2026-12-04.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>import</comment>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>import</comment>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <comment>import</comment>
        <translation>
            <numerusform>%n inchangé</numerusform>
            <numerusform>%n inchangés</numerusform>
        </translation>
    </message>
    <message>
        <source>--kind: organisations, services, sites, categories or agents.</source>
        <translation>--kind&#xa0;: organisations, services, sites, categories ou agents.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is too large for an import (%2 MB at most).</source>
        <translation>%1 est trop gros pour un import (%2 Mo au plus).</translation>
    </message>
    <message>
        <source>import, list: organisations, services, sites, categories or agents.</source>
        <translation>import, list&#xa0;: organisations, services, sites, categories ou agents.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>import: the CSV file.</source>
        <translation>import&#xa0;: le fichier CSV.</translation>
    </message>
    <message>
        <source>import: check the file and count the changes, write nothing.</source>
        <translation>import&#xa0;: vérifie le fichier et compte les changements, sans rien écrire.</translation>
    </message>
    <message>
        <source>import --kind agents: give each new agent a generated password, written to this new file (readable by its owner only) as identifiant;mot_de_passe. Without it, new agents have no password (single sign-on).</source>
        <translation>import --kind agents&#xa0;: donne à chaque nouvel agent un mot de passe généré, écrit dans ce nouveau fichier (lisible par son seul propriétaire) sous la forme identifiant;mot_de_passe. Sans cette option, les nouveaux agents n’ont pas de mot de passe (authentification unique).</translation>
    </message>
    <message>
        <source>transfer-ads: the login of the agent who leaves.</source>
        <translation>transfer-ads&#xa0;: l’identifiant de l’agent qui part.</translation>
    </message>
    <message>
        <source>transfer-ads: the login of the agent who takes the ads over.</source>
        <translation>transfer-ads&#xa0;: l’identifiant de l’agent qui reprend les annonces.</translation>
    </message>
    <message>
        <source>import needs --file FILE.csv.</source>
        <translation>import demande --file FICHIER.csv.</translation>
    </message>
    <message>
        <source>--initial-passwords is for --kind agents.</source>
        <translation>--initial-passwords ne sert qu’avec --kind agents.</translation>
    </message>
    <message>
        <source>Dry run, nothing was written: %1.</source>
        <translation>Essai, rien n’a été écrit&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Nothing to change: the database already holds this file.</source>
        <translation>Rien à changer&#xa0;: la base contient déjà ce fichier.</translation>
    </message>
    <message>
        <source>--initial-passwords: %1 already exists; give a new file.</source>
        <translation>--initial-passwords&#xa0;: %1 existe déjà&#xa0;; donnez un nouveau fichier.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <source>The agents were imported, but their passwords could not be written to %1: %2. Give them new ones with add-agent --password-stdin.</source>
        <translation>Les agents ont été importés, mais leurs mots de passe n’ont pas pu être écrits dans %1&#xa0;: %2. Donnez-leur-en de nouveaux avec add-agent --password-stdin.</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Importé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The new agents&apos; passwords are in %1: hand them over, then delete the file.</source>
        <translation>Les mots de passe des nouveaux agents sont dans %1&#xa0;: remettez-les, puis supprimez le fichier.</translation>
    </message>
    <message>
        <source>Cannot write on the standard output.</source>
        <translation>Impossible d’écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>set-roles needs --login and at least one --role.</source>
        <translation>set-roles demande --login et au moins un --role.</translation>
    </message>
    <message>
        <source>Agent %1 now has the roles: %2.</source>
        <translation>L’agent %1 a désormais les rôles&#xa0;: %2.</translation>
    </message>
    <message>
        <source>transfer-ads needs --from and --to (logins).</source>
        <translation>transfer-ads demande --from et --to (des identifiants).</translation>
    </message>
    <message numerus="yes">
        <source>%n open ad(s) of %1 handed over to %2.</source>
        <translation>
            <numerusform>%n annonce ouverte de %1 confiée à %2.</numerusform>
            <numerusform>%n annonces ouvertes de %1 confiées à %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>--initial-passwords is for a PostgreSQL database: on SQLite, agents have no login nor password of their own. Import without it.</source>
        <translation>--initial-passwords est pour une base PostgreSQL&#xa0;: sur SQLite, les agents n’ont ni identifiant ni mot de passe à eux. Importez sans cette option.</translation>
    </message>
    <message>
        <source>%1 is still active: only the ads of an agent who has left are handed over. Deactivate them first (collectiv-recup-admin deactivate-agent --login %1), then transfer their ads.</source>
        <translation>%1 est encore en poste&#xa0;: seules les annonces d’un agent parti peuvent être confiées. Désactivez d’abord son compte (collectiv-recup-admin deactivate-agent --login %1), puis transférez ses annonces.</translation>
    </message>
    <message>
        <source>Sets up and maintains the Collectiv&apos;Récup database.

Commands:
  init        create the schema, or upgrade it to this version
  seed-demo   load the demonstration data into an empty database
  add-agent   add an agent who logs in with their own database account
              (--login, --name, --email, --service, --role, --password-stdin)
  deactivate-agent  revoke an agent&apos;s login (--login); their ads and history stay
  mail-policy show or set who every mail comes from and the moderators&apos; address
              (--sender, --sender-name, --moderators; PostgreSQL)
  retention   show or set how many months contact messages and the personal parts of
              mails are kept (--months N, 1 to 120; default 24), or anonymise now what
              is older (--run: the relay does it every hour; for cron without a relay)
  relay       send the outbox: at once when a mail is written, and retry what is due;
              reconnects by itself when the database session is lost
              (--config, --once, --smtp-host, --smtp-port, --smtp-security, --smtp-user,
              --smtp-password-file, --pickup-folder, --retry-interval)
  report      the moderators&apos; figures, with a moderator&apos;s or administrator&apos;s login:
              --semester 2026-S2 --format pdf|csv --output FILE, or the yearly reuse
              declaration: --year 2026 --declaration --format csv --output FILE
              [--organisation CODE]
  pickup-list the logistics staff&apos;s printed list of a day, with a logistics login:
              --date 2026-12-04 --output FILE.pdf
  import      load reference data from a CSV file (Excel or directory export):
              --kind organisations|services|sites|categories|agents --file FILE.csv
              [--dry-run] [--initial-passwords FILE]; rows are matched by code (login for
              agents): added or changed, never deleted; an agent absent from the file
              is NOT deactivated (use deactivate-agent). One transaction: any error
              imports nothing. Columns: see list
  list        write a kind&apos;s rows as CSV on standard output, in the columns import reads
              (--kind)
  set-roles   replace an agent&apos;s roles and database groups (--login, --role)
  transfer-ads hand a leaving agent&apos;s open ads over to another agent (--from, --to)</source>
        <translation>Installe et entretient la base de données de Collectiv’Récup.

Commandes&#xa0;:
  init        crée le schéma, ou le met à jour vers cette version
  seed-demo   charge les données de démonstration dans une base vide
  add-agent   ajoute un agent qui se connecte avec son propre compte de base de données
              (--login, --name, --email, --service, --role, --password-stdin)
  deactivate-agent  retire son identifiant à un agent (--login)&#xa0;; ses annonces et son historique restent
  mail-policy affiche ou règle l’expéditeur de tous les courriels et l’adresse des modérateurs
              (--sender, --sender-name, --moderators&#xa0;; PostgreSQL)
  retention   affiche ou règle combien de mois les messages de contact et les parties personnelles
              des courriels sont gardés (--months N, de 1 à 120&#xa0;; 24 par défaut), ou anonymise
              maintenant ce qui est plus ancien (--run&#xa0;: le relais le fait chaque heure&#xa0;; pour cron sans relais)
  relay       envoie la boîte d’envoi&#xa0;: dès qu’un courriel est écrit, et réessaie ce qui est dû&#xa0;;
              se reconnecte seul quand la session de base de données est perdue
              (--config, --once, --smtp-host, --smtp-port, --smtp-security, --smtp-user,
              --smtp-password-file, --pickup-folder, --retry-interval)
  report      les chiffres des modérateurs, avec l’identifiant d’un modérateur ou d’un administrateur&#xa0;:
              --semester 2026-S2 --format pdf|csv --output FICHIER, ou la déclaration annuelle
              de réemploi&#xa0;: --year 2026 --declaration --format csv --output FICHIER
              [--organisation CODE]
  pickup-list la liste imprimée d’une journée de la logistique, avec un identifiant de la logistique&#xa0;:
              --date 2026-12-04 --output FICHIER.pdf
  import      charge des données de référence depuis un fichier CSV (export Excel ou d’annuaire)&#xa0;:
              --kind organisations|services|sites|categories|agents --file FICHIER.csv
              [--dry-run] [--initial-passwords FICHIER]&#xa0;; les lignes sont reconnues par leur code
              (l’identifiant pour les agents)&#xa0;: ajoutées ou modifiées, jamais supprimées&#xa0;; un agent
              absent du fichier n’est PAS désactivé (voir deactivate-agent). Une seule transaction&#xa0;:
              à la moindre erreur, rien n’est importé. Colonnes&#xa0;: voir list
  list        écrit les lignes d’un type en CSV sur la sortie standard, dans les colonnes que lit import
              (--kind)
  set-roles   remplace les rôles d’un agent et ses groupes de base de données (--login, --role)
  transfer-ads confie les annonces ouvertes d’un agent qui part à un autre agent (--from, --to)</translation>
    </message>
    <message>
        <source>retention: months contact messages and mails are kept (1 to 120).</source>
        <translation>retention&#xa0;: nombre de mois pendant lesquels les messages de contact et les courriels sont gardés (de 1 à 120).</translation>
    </message>
    <message>
        <source>months</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>retention: anonymise now what is older than the retention.</source>
        <translation>retention&#xa0;: anonymise maintenant ce qui dépasse la durée de conservation.</translation>
    </message>
    <message>
        <source>init, seed-demo, add-agent, deactivate-agent, mail-policy, retention, relay, report, pickup-list, import, list, set-roles or transfer-ads</source>
        <translation>init, seed-demo, add-agent, deactivate-agent, mail-policy, retention, relay, report, pickup-list, import, list, set-roles ou transfer-ads</translation>
    </message>
    <message>
        <source>Give one command: init, seed-demo, add-agent, deactivate-agent, mail-policy, retention, relay, report, pickup-list, import, list, set-roles or transfer-ads (see --help).</source>
        <translation>Donnez une commande&#xa0;: init, seed-demo, add-agent, deactivate-agent, mail-policy, retention, relay, report, pickup-list, import, list, set-roles ou transfer-ads (voir --help).</translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not a number of months (1 to %2).</source>
        <translation>--months&#xa0;: «&#xa0;%1&#xa0;» n’est pas un nombre de mois (de 1 à %2).</translation>
    </message>
    <message numerus="yes">
        <source>Contact messages and the personal parts of mails are kept %n month(s), then anonymised.</source>
        <translation>
            <numerusform>Les messages de contact et les parties personnelles des courriels sont gardés %n&#xa0;mois, puis anonymisés.</numerusform>
            <numerusform>Les messages de contact et les parties personnelles des courriels sont gardés %n&#xa0;mois, puis anonymisés.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <comment>contact messages anonymised, mails anonymised</comment>
        <translation>%1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact message(s) anonymised</source>
        <translation>
            <numerusform>%n message(s) de contact anonymisé(s)</numerusform>
            <numerusform>%n message(s) de contact anonymisé(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) anonymised</source>
        <translation>
            <numerusform>%n courriel(s) anonymisé(s)</numerusform>
            <numerusform>%n courriel(s) anonymisé(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentLogins</name>
    <message>
        <source>Your database account may not create logins: the administrator needs the CREATEROLE right.</source>
        <translation>Votre compte de base de données ne peut pas créer d’identifiants&#xa0;: l’administrateur doit disposer du droit CREATEROLE.</translation>
    </message>
    <message>
        <source>No agent has the login %1.</source>
        <translation>Aucun agent n’a l’identifiant %1.</translation>
    </message>
</context>
<context>
    <name>CloseReason</name>
    <message>
        <source>Given to another service</source>
        <translation>Donné à un autre service</translation>
    </message>
    <message>
        <source>Thrown away</source>
        <translation>Jeté</translation>
    </message>
    <message>
        <source>No longer available</source>
        <translation>Plus disponible</translation>
    </message>
    <message>
        <source>Removed by a moderator</source>
        <translation>Annonce retirée par un modérateur</translation>
    </message>
</context>
<context>
    <name>ContactRequests</name>
    <message>
        <source>The request cannot be sent.</source>
        <translation>La demande ne peut pas être envoyée.</translation>
    </message>
    <message>
        <source>Write a few words to the poster: what you need it for, when you could collect it.</source>
        <translation>Écrivez quelques mots à la personne qui donne&#xa0;: pour quel usage, quand vous pourriez venir le chercher.</translation>
    </message>
    <message>
        <source>The message is %1 characters long; %2 at most.</source>
        <translation>Le message compte %1 caractères&#xa0;; %2 au plus.</translation>
    </message>
    <message>
        <source>Choose the service that would receive the items.</source>
        <translation>Choisissez le service qui recevrait le matériel.</translation>
    </message>
    <message>
        <source>This ad is no longer in the catalogue.</source>
        <translation>Cette annonce n’est plus au catalogue.</translation>
    </message>
    <message>
        <source>This ad is yours: nobody to contact.</source>
        <translation>Cette annonce est la vôtre&#xa0;: personne à contacter.</translation>
    </message>
    <message>
        <source>The request could not be recorded.</source>
        <translation>La demande n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The contact requests could not be read.</source>
        <translation>Les demandes de contact n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>The message contains a character that cannot be sent (a control character or a broken symbol, often brought by a paste): remove it.</source>
        <translation>Le message contient un caractère qui ne peut pas être envoyé (un caractère de contrôle ou un symbole tronqué, souvent apporté par un copier-coller)&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>Write a few words to the searcher: what you could give, where and when it could be collected.</source>
        <translation>Écrivez quelques mots à la personne qui cherche&#xa0;: ce que vous pourriez donner, où et quand le récupérer.</translation>
    </message>
    <message>
        <source>Choose the service that would give the items.</source>
        <translation>Choisissez le service qui donnerait le matériel.</translation>
    </message>
    <message>
        <source>This wanted ad is yours: nobody to answer.</source>
        <translation>Cette recherche est la vôtre&#xa0;: personne à qui répondre.</translation>
    </message>
    <message>
        <source>This wanted ad is closed or expired: nobody waits for an answer any more.</source>
        <translation>Cette recherche est close ou expirée&#xa0;: plus personne n’attend de réponse.</translation>
    </message>
    <message>
        <source>You already answered this wanted ad on %1: its author has your message and answers by mail.</source>
        <translation>Vous avez déjà répondu à cette recherche le %1&#xa0;: son auteur a votre message et vous répond par courriel.</translation>
    </message>
    <message>
        <source>You already asked about this item on %1: the giver has your message and answers by mail.</source>
        <translation>Vous avez déjà demandé cet objet le %1&#xa0;: le donneur a votre message et vous répond par courriel.</translation>
    </message>
    <message>
        <source>You already asked about this item: the giver has your message and answers by mail.</source>
        <translation>Vous avez déjà demandé cet objet&#xa0;: le donneur a votre message et vous répond par courriel.</translation>
    </message>
    <message>
        <source>You already answered this wanted ad: its author has your message and answers by mail.</source>
        <translation>Vous avez déjà répondu à cette recherche&#xa0;: son auteur a votre message et vous répond par courriel.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>This file is not a text file (it holds bytes no text has): save it from the spreadsheet as &quot;CSV UTF-8&quot; or &quot;CSV (separator: semicolon)&quot;.</source>
        <translation>Ce fichier n’est pas un fichier texte (il contient des octets qu’aucun texte ne contient)&#xa0;: enregistrez-le depuis le tableur en «&#xa0;CSV UTF-8&#xa0;» ou «&#xa0;CSV (séparateur&#xa0;: point-virgule)&#xa0;».</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file is empty: its first line must name the columns.</source>
        <translation>Le fichier est vide&#xa0;: sa première ligne doit nommer les colonnes.</translation>
    </message>
    <message>
        <source>Line %1: the file has more than %2 data lines. Split it into several files of at most %2 lines each.</source>
        <translation>Ligne %1&#xa0;: le fichier a plus de %2 lignes de données. Découpez-le en plusieurs fichiers de %2 lignes au plus.</translation>
    </message>
    <message>
        <source>Line %1: a quote (&quot;) opened on this line is never closed.</source>
        <translation>Ligne %1&#xa0;: un guillemet (&quot;) ouvert sur cette ligne n’est jamais fermé.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>This entry already exists.</source>
        <translation>Cet élément existe déjà.</translation>
    </message>
    <message>
        <source>This entry refers to something that does not exist.</source>
        <translation>Cet élément fait référence à une donnée qui n’existe pas.</translation>
    </message>
    <message>
        <source>The database refused a value that breaks its rules.</source>
        <translation>La base de données a refusé une valeur qui ne respecte pas ses règles.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>The connection to the database server was lost.</source>
        <translation>La connexion au serveur de base de données a été perdue.</translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation>La base de données a signalé une erreur.</translation>
    </message>
    <message>
        <source>The local database file %1 cannot be opened. Check that the folder exists and that you may write in it.</source>
        <translation>Le fichier de base de données locale %1 ne peut pas être ouvert. Vérifiez que le dossier existe et que vous avez le droit d’y écrire.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong, or the password has expired.</source>
        <translation>L’identifiant ou le mot de passe est incorrect, ou le mot de passe a expiré.</translation>
    </message>
    <message>
        <source>The server asks for a password.</source>
        <translation>Le serveur demande un mot de passe.</translation>
    </message>
    <message>
        <source>The server has no database of that name.</source>
        <translation>Le serveur n’a aucune base de données de ce nom.</translation>
    </message>
    <message>
        <source>The server does not know this user.</source>
        <translation>Cet identifiant est inconnu du serveur.</translation>
    </message>
    <message>
        <source>This account is disabled on the server.</source>
        <translation>Ce compte est désactivé sur le serveur.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to the server failed.</source>
        <translation>La connexion sécurisée (TLS) au serveur a échoué.</translation>
    </message>
    <message>
        <source>The server name cannot be found on the network.</source>
        <translation>Le nom du serveur est introuvable sur le réseau.</translation>
    </message>
    <message>
        <source>The connection settings are not valid.</source>
        <translation>Les paramètres de connexion ne sont pas valides.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network and the server address, or ask your IT department.</source>
        <translation>Le serveur de base de données est injoignable. Vérifiez le réseau et l’adresse du serveur, ou contactez votre service informatique.</translation>
    </message>
    <message>
        <source>The database driver %1 is not installed on this computer.</source>
        <translation>Le pilote de base de données %1 n’est pas installé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The connection option %1 may not contain a semicolon.</source>
        <translation>L’option de connexion %1 ne doit pas contenir de point-virgule.</translation>
    </message>
    <message>
        <source>The disk that holds the local database (%1) is full. Free some space on it, then try again.</source>
        <translation>Le disque qui contient la base de données locale (%1) est plein. Libérez de la place sur ce disque, puis réessayez.</translation>
    </message>
    <message>
        <source>The local database in %1 is read-only. Check the rights on this folder, or ask your IT department.</source>
        <translation>La base de données locale située dans %1 est en lecture seule. Vérifiez les droits sur ce dossier, ou contactez votre service informatique.</translation>
    </message>
    <message>
        <source>The local database in %1 could not be written to the disk. Check that the disk is there and has free space, then try again.</source>
        <translation>La base de données locale située dans %1 n’a pas pu être écrite sur le disque. Vérifiez que le disque est présent et qu’il reste de la place, puis réessayez.</translation>
    </message>
    <message>
        <source>The connection settings are not valid: PostgreSQL knows no setting named %1.</source>
        <translation>Les paramètres de connexion ne sont pas valides&#xa0;: PostgreSQL ne connaît aucun paramètre nommé %1.</translation>
    </message>
    <message>
        <source>The postgresql:// address is not valid: check its port (1 to 65535) and its %-escapes.</source>
        <translation>L’adresse postgresql:// n’est pas valide&#xa0;: vérifiez son port (de 1 à 65535) et ses séquences en %.</translation>
    </message>
    <message>
        <source>The connection settings are not valid: the value of %1 opens a quote that is not closed.</source>
        <translation>Les paramètres de connexion ne sont pas valides&#xa0;: la valeur de %1 ouvre une apostrophe qui n’est jamais fermée.</translation>
    </message>
    <message>
        <source>The connection settings are not valid: a value is given without its name (name=value).</source>
        <translation>Les paramètres de connexion ne sont pas valides&#xa0;: une valeur est donnée sans son nom (nom=valeur).</translation>
    </message>
    <message>
        <source>The connection settings are not valid: %1 is not followed by = and a value.</source>
        <translation>Les paramètres de connexion ne sont pas valides&#xa0;: %1 n’est pas suivi de = et d’une valeur.</translation>
    </message>
    <message>
        <source>The connection setting %1 contains a control character (a line break, a tab, a NUL...).</source>
        <translation>Le paramètre de connexion %1 contient un caractère de contrôle (un retour à la ligne, une tabulation, un caractère nul…).</translation>
    </message>
    <message>
        <source>The port %1 is not valid: give a number between 1 and 65535.</source>
        <translation>Le port %1 n’est pas valide&#xa0;: indiquez un nombre entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The path of the local database file contains a control character (a line break, a tab, a NUL...).</source>
        <translation>Le chemin du fichier de la base locale contient un caractère de contrôle (un retour à la ligne, une tabulation, un caractère nul…).</translation>
    </message>
    <message>
        <source>Someone else is using this right now. Try again in a moment.</source>
        <translation>Quelqu’un d’autre s’en sert en ce moment. Réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The demo data built into this version is damaged.</source>
        <translation>Les données de démonstration intégrées à cette version sont endommagées.</translation>
    </message>
    <message>
        <source>The demo ad “%1” is too recent for its story.</source>
        <translation>L’annonce de démonstration «&#xa0;%1&#xa0;» est trop récente pour son historique.</translation>
    </message>
    <message>
        <source>The demo ad “%1” could not be loaded: %2</source>
        <translation>L’annonce de démonstration «&#xa0;%1&#xa0;» n’a pas pu être chargée&#xa0;: %2</translation>
    </message>
    <message>
        <source>This database already holds data: the demo can only be loaded into an empty database.</source>
        <translation>Cette base de données contient déjà des données&#xa0;: la démonstration ne peut être chargée que dans une base vide.</translation>
    </message>
    <message>
        <source>The demo data is missing from this version.</source>
        <translation>Les données de démonstration sont absentes de cette version.</translation>
    </message>
    <message>
        <source>The demo data has no moderator.</source>
        <translation>Les données de démonstration ne comportent aucun modérateur.</translation>
    </message>
    <message>
        <source>The demo data cannot be loaded.</source>
        <translation>Les données de démonstration ne peuvent pas être chargées.</translation>
    </message>
    <message>
        <source>The demo data cannot be loaded: a transport was refused. %1</source>
        <translation>Les données de démonstration ne peuvent pas être chargées&#xa0;: un transport a été refusé. %1</translation>
    </message>
    <message>
        <source>The demo data cannot be loaded: the store refused an item. %1</source>
        <translation>Les données de démonstration ne peuvent pas être chargées&#xa0;: le magasin a refusé un objet. %1</translation>
    </message>
    <message>
        <source>The demo data cannot be loaded: a contact request was refused. %1</source>
        <translation>Les données de démonstration ne peuvent pas être chargées&#xa0;: une demande de contact a été refusée. %1</translation>
    </message>
    <message>
        <source>The demo data cannot be loaded: a part of a lot was refused. %1</source>
        <translation>Les données de démonstration ne peuvent pas être chargées&#xa0;: une partie de lot a été refusée. %1</translation>
    </message>
</context>
<context>
    <name>FiguresReader</name>
    <message>
        <source>Choose a period.</source>
        <translation>Choisissez une période.</translation>
    </message>
</context>
<context>
    <name>LocalDemo</name>
    <message>
        <source>The folder %1 cannot be created. Check that you may write in it.</source>
        <translation>Le dossier %1 ne peut pas être créé. Vérifiez que vous avez le droit d’écrire à cet emplacement.</translation>
    </message>
    <message>
        <source>The local database in %1 is read-only. Check the rights on this folder, or ask your IT department.</source>
        <translation>La base de données locale située dans %1 est en lecture seule. Vérifiez les droits sur ce dossier, ou contactez votre service informatique.</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>“%1”</source>
        <comment>quotation marks around a title or a reason</comment>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>LotShares</name>
    <message>
        <source>%1 of %2 available</source>
        <translation>%1 sur %2 disponibles</translation>
    </message>
    <message numerus="yes">
        <source>All reserved (%n): none left in the catalogue</source>
        <translation>
            <numerusform>Tout est réservé (%n)&#xa0;: plus rien au catalogue</numerusform>
            <numerusform>Tout est réservé (%n)&#xa0;: plus rien au catalogue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All given (%n)</source>
        <translation>
            <numerusform>Tout est donné (%n)</numerusform>
            <numerusform>Tout est donné (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>None left: %1 reserved, %2 given (of %3)</source>
        <translation>Plus rien de disponible&#xa0;: %1 réservé(s), %2 donné(s) (sur %3)</translation>
    </message>
</context>
<context>
    <name>MailAddress</name>
    <message>
        <source>The email address is empty.</source>
        <translation>L’adresse électronique est vide.</translation>
    </message>
    <message>
        <source>The email address %1 contains a line break.</source>
        <translation>L’adresse électronique %1 contient un saut de ligne.</translation>
    </message>
    <message>
        <source>The email address %1 contains a space or an invisible character.</source>
        <translation>L’adresse électronique %1 contient un espace ou un caractère invisible.</translation>
    </message>
    <message>
        <source>The email address %1 contains a character that is not allowed (%2).</source>
        <translation>L’adresse électronique %1 contient un caractère interdit (%2).</translation>
    </message>
    <message>
        <source>%1 is not an email address of the form name@domain.</source>
        <translation>%1 n’est pas une adresse électronique de la forme nom@domaine.</translation>
    </message>
    <message>
        <source>The part before the @ of %1 may only hold unaccented letters, digits, dots and the usual symbols.</source>
        <translation>La partie avant le @ de l’adresse %1 ne peut contenir que des lettres sans accent, des chiffres, des points et les symboles usuels.</translation>
    </message>
    <message>
        <source>The part before the @ of %1 is too long.</source>
        <translation>La partie avant le @ de l’adresse %1 est trop longue.</translation>
    </message>
    <message>
        <source>The domain of the email address %1 is not valid.</source>
        <translation>Le domaine de l’adresse électronique %1 n’est pas valide.</translation>
    </message>
</context>
<context>
    <name>MailProvenance</name>
    <message>
        <source>Refused: this mail names no action that caused it.</source>
        <translation>Refusé&#xa0;: ce courriel ne désigne aucune action qui l’aurait causé.</translation>
    </message>
    <message>
        <source>Refused: the application writes no mail of this kind.</source>
        <translation>Refusé&#xa0;: l’application n’écrit aucun courriel de ce type.</translation>
    </message>
    <message>
        <source>Refused: the action it names is not its author&apos;s.</source>
        <translation>Refusé&#xa0;: l’action qu’il désigne n’est pas celle de son auteur.</translation>
    </message>
    <message>
        <source>Refused: it goes to an address that its action does not concern.</source>
        <translation>Refusé&#xa0;: il part vers une adresse que son action ne concerne pas.</translation>
    </message>
    <message>
        <source>Refused: it is not sent from the platform&apos;s address.</source>
        <translation>Refusé&#xa0;: il ne part pas de l’adresse de la plateforme.</translation>
    </message>
    <message>
        <source>Refused by the database (%1).</source>
        <translation>Refusé par la base de données (%1).</translation>
    </message>
    <message>
        <source>Refused: its lines are not those of a mail written by the application.</source>
        <translation>Refusé&#xa0;: ses lignes ne sont pas celles d’un courriel écrit par l’application.</translation>
    </message>
    <message>
        <source>Refused: it carries a header the application never writes (%1).</source>
        <translation>Refusé&#xa0;: il porte un en-tête que l’application n’écrit jamais (%1).</translation>
    </message>
    <message>
        <source>Refused: its header %1 appears twice.</source>
        <translation>Refusé&#xa0;: son en-tête %1 figure deux fois.</translation>
    </message>
    <message>
        <source>Refused: it has no %1 header.</source>
        <translation>Refusé&#xa0;: il n’a pas d’en-tête %1.</translation>
    </message>
    <message>
        <source>Refused: its Message-ID is not the one of its row.</source>
        <translation>Refusé&#xa0;: son Message-ID n’est pas celui de sa ligne.</translation>
    </message>
    <message>
        <source>Refused: its From address is not the one it is sent from.</source>
        <translation>Refusé&#xa0;: son adresse From n’est pas celle d’où il part.</translation>
    </message>
    <message>
        <source>Refused: it is signed &quot;%1&quot;, neither the platform nor its author.</source>
        <translation>Refusé&#xa0;: il est signé «&#xa0;%1&#xa0;», qui n’est ni la plateforme ni son auteur.</translation>
    </message>
    <message>
        <source>Refused: one of its recipients is not a mail address.</source>
        <translation>Refusé&#xa0;: l’un de ses destinataires n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <source>Refused: it is sent from something that is not a mail address.</source>
        <translation>Refusé&#xa0;: il part d’autre chose qu’une adresse électronique.</translation>
    </message>
    <message>
        <source>Refused: the people its headers name are not the ones it goes to.</source>
        <translation>Refusé&#xa0;: les personnes nommées dans ses en-têtes ne sont pas celles à qui il part.</translation>
    </message>
    <message>
        <source>Refused: its answers would go to someone else than its author.</source>
        <translation>Refusé&#xa0;: les réponses iraient à quelqu’un d’autre que son auteur.</translation>
    </message>
    <message>
        <source>Refused: it is not written the way the application writes its mails.</source>
        <translation>Refusé&#xa0;: il n’est pas écrit comme l’application écrit ses courriels.</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>The mail settings are incomplete.</source>
        <translation>Les paramètres d’envoi des courriels sont incomplets.</translation>
    </message>
    <message>
        <source>Give the name or address of the SMTP server.</source>
        <translation>Indiquez le nom ou l’adresse du serveur SMTP.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name: give only the name or the address, without &quot;smtp://&quot; or a port.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de serveur&#xa0;: indiquez seulement le nom ou l’adresse, sans «&#xa0;smtp://&#xa0;» ni port.</translation>
    </message>
    <message>
        <source>Give a port between 1 and 65535.</source>
        <translation>Indiquez un port entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Choose the folder for the mail files.</source>
        <translation>Choisissez le dossier des fichiers de courriels.</translation>
    </message>
    <message>
        <source>Give the full path of the folder for the mail files.</source>
        <translation>Indiquez le chemin complet du dossier des fichiers de courriels.</translation>
    </message>
    <message>
        <source>Give the address the mails are sent from.</source>
        <translation>Indiquez l’adresse d’où partent les courriels.</translation>
    </message>
</context>
<context>
    <name>MailTemplates</name>
    <message>
        <source>The mail template &quot;%1&quot; is missing from this installation.</source>
        <translation>Le modèle de courriel «&#xa0;%1&#xa0;» manque dans cette installation.</translation>
    </message>
    <message>
        <source>The mail &quot;%1&quot; lacks: %2.</source>
        <translation>Il manque au courriel «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Collectiv&apos;Récup</source>
        <translation>Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup: agents of local authorities give each other the professional equipment they no longer need.</source>
        <translation>Collectiv&apos;Récup&#xa0;: les agents des collectivités se donnent le matériel professionnel dont ils n’ont plus besoin.</translation>
    </message>
    <message>
        <source>The shared database: a libpq connection string (&quot;host=... dbname=...&quot;, &quot;service=NAME&quot;, &quot;postgresql://...&quot;) or sqlite:PATH. Overrides the saved setting.</source>
        <translation>La base de données partagée&#xa0;: une chaîne de connexion libpq (&quot;host=... dbname=...&quot;, &quot;service=NOM&quot;, &quot;postgresql://...&quot;) ou sqlite:CHEMIN. Remplace le paramètre enregistré.</translation>
    </message>
    <message>
        <source>The SQLite file of the demo mode (created with demo data when missing).</source>
        <translation>Le fichier SQLite du mode démonstration (créé avec les données de démonstration s’il n’existe pas).</translation>
    </message>
    <message>
        <source>Interface language: fr or en.</source>
        <translation>Langue de l’interface&#xa0;: fr ou en.</translation>
    </message>
    <message>
        <source>The demo database could not be opened.</source>
        <translation>La base de données de démonstration n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup could not connect to its database (%1).</source>
        <translation>Collectiv&apos;Récup n’a pas pu se connecter à sa base de données (%1).</translation>
    </message>
    <message>
        <source>The database cannot be used by this version of Collectiv&apos;Récup.</source>
        <translation>La base de données ne peut pas être utilisée par cette version de Collectiv&apos;Récup.</translation>
    </message>
    <message>
        <source>Sign in to the organisation&apos;s server, even when no server is saved yet.</source>
        <translation>Se connecter au serveur de la collectivité, même si aucun serveur n’est encore enregistré.</translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup cannot tell who you are.</source>
        <translation>Collectiv&apos;Récup ne parvient pas à savoir qui vous êtes.</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Connecté : %1</translation>
    </message>
</context>
<context>
    <name>MimeWriter</name>
    <message>
        <source>The message has no identity yet (Message-ID and date).</source>
        <translation>Le message n’a pas encore d’identité (Message-ID et date).</translation>
    </message>
    <message>
        <source>The Message-ID %1 is not valid.</source>
        <translation>Le Message-ID %1 n’est pas valide.</translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation>Le message n’a aucun destinataire.</translation>
    </message>
    <message>
        <source>The header name %1 cannot be used.</source>
        <translation>Le nom d’en-tête %1 ne peut pas être utilisé.</translation>
    </message>
</context>
<context>
    <name>ModeratorWindows</name>
    <message>
        <source>%1 — moderation</source>
        <translation>%1 — modération</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Moderators of Collectiv&apos;Récup</source>
        <translation>Modérateurs de Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>This mail has nobody to go to.</source>
        <translation>Ce courriel n’a aucun destinataire.</translation>
    </message>
    <message>
        <source>No moderator has a mail address: nobody would hear of this ad.</source>
        <translation>Aucun modérateur n’a d’adresse électronique&#xa0;: personne ne serait prévenu de cette annonce.</translation>
    </message>
    <message>
        <source>Only approvals and rejections are mailed.</source>
        <translation>Seules les acceptations et les refus font l’objet d’un courriel.</translation>
    </message>
    <message>
        <source>Only planned and delivered transports are mailed.</source>
        <translation>Seuls les transports planifiés et livrés donnent lieu à un courriel.</translation>
    </message>
</context>
<context>
    <name>OutboxRepository</name>
    <message>
        <source>The mail could not be written to the outbox.</source>
        <translation>Le courriel n’a pas pu être écrit dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The outbox could not be read.</source>
        <translation>La boîte d’envoi n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>The outbox could not be updated.</source>
        <translation>La boîte d’envoi n’a pas pu être mise à jour.</translation>
    </message>
    <message>
        <source>This mail is no longer in the outbox.</source>
        <translation>Ce courriel n’est plus dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The mail settings of the platform could not be read.</source>
        <translation>Les réglages de messagerie de la plateforme n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>The embedded database has no platform mail settings: the workstation&apos;s own settings name the sender.</source>
        <translation>La base intégrée n’a pas de réglages de messagerie de plateforme&#xa0;: ce sont les réglages du poste qui désignent l’expéditeur.</translation>
    </message>
    <message>
        <source>The mail settings of the platform could not be saved.</source>
        <translation>Les réglages de messagerie de la plateforme n’ont pas pu être enregistrés.</translation>
    </message>
    <message>
        <source>Only administrators change the mail settings of the platform.</source>
        <translation>Seuls les administrateurs modifient les réglages de messagerie de la plateforme.</translation>
    </message>
</context>
<context>
    <name>PersonalDataExport</name>
    <message>
        <source>Your data could not be saved in the folder %1 (%2). Choose another folder: nothing was written.</source>
        <translation>Vos données n’ont pas pu être enregistrées dans le dossier %1 (%2). Choisissez un autre dossier&#xa0;: rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>PersonalDataRepository</name>
    <message>
        <source>Your data could not be read.</source>
        <translation>Vos données n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>The retention is counted in months, from %1 to %2 (ten years): %3 is not possible.</source>
        <translation>La durée de conservation se compte en mois, de %1 à %2 (dix ans)&#xa0;: %3 n’est pas possible.</translation>
    </message>
    <message>
        <source>The retention of personal data could not be read.</source>
        <translation>La durée de conservation des données personnelles n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>The retention of personal data could not be saved.</source>
        <translation>La durée de conservation des données personnelles n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>Only administrators change the retention of personal data.</source>
        <translation>Seuls les administrateurs changent la durée de conservation des données personnelles.</translation>
    </message>
    <message>
        <source>Only administrators anonymise personal data.</source>
        <translation>Seuls les administrateurs anonymisent les données personnelles.</translation>
    </message>
    <message>
        <source>The personal data could not be anonymised.</source>
        <translation>Les données personnelles n’ont pas pu être anonymisées.</translation>
    </message>
    <message>
        <source>This agent is still active: deactivate them before anonymising them.</source>
        <translation>Cet agent est encore actif&#xa0;: désactivez-le avant de l’anonymiser.</translation>
    </message>
    <message>
        <source>This agent&apos;s database login still exists: the IT department removes it first (DROP ROLE), otherwise whoever is given that login next would log in with the old password and rights.</source>
        <translation>L’identifiant de base de données de cet agent existe encore&#xa0;: le service informatique le supprime d’abord (DROP ROLE), sinon la personne qui recevrait ensuite cet identifiant se connecterait avec l’ancien mot de passe et les anciens droits.</translation>
    </message>
    <message>
        <source>This agent still owns ads awaiting moderation, published or reserved: hand them over first with “Hand over their ads…”.</source>
        <translation>Cet agent a encore des annonces en attente de modération, publiées ou réservées&#xa0;: confiez-les d’abord avec «&#xa0;Confier ses annonces…&#xa0;».</translation>
    </message>
    <message>
        <source>Another agent or the moderators&apos; shared address has the same email address: correct it before anonymising this agent, so that nobody else&apos;s mails are erased.</source>
        <translation>Un autre agent ou l’adresse commune des modérateurs a la même adresse électronique&#xa0;: corrigez-la avant d’anonymiser cet agent, pour n’effacer les courriels de personne d’autre.</translation>
    </message>
    <message>
        <source>This agent does not exist.</source>
        <translation>Cet agent n’existe pas.</translation>
    </message>
    <message>
        <source>Only administrators anonymise an agent.</source>
        <translation>Seuls les administrateurs anonymisent un agent.</translation>
    </message>
    <message>
        <source>The agent could not be anonymised.</source>
        <translation>L’agent n’a pas pu être anonymisé.</translation>
    </message>
    <message>
        <source>The agents could not be read.</source>
        <translation>Les agents n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>What anonymising this agent would change could not be read.</source>
        <translation>Ce que l’anonymisation de cet agent changerait n’a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>PhotoScaler</name>
    <message>
        <source>The file %1 cannot be opened.</source>
        <translation>Le fichier %1 ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>The file %1 is too large: photos are limited to %2 MB.</source>
        <translation>Le fichier %1 est trop volumineux&#xa0;: les photos sont limitées à %2&#xa0;Mo.</translation>
    </message>
    <message>
        <source>The picture in %1 cannot be read: the file may be damaged.</source>
        <translation>L’image du fichier %1 ne peut pas être lue&#xa0;: le fichier est peut-être endommagé.</translation>
    </message>
    <message>
        <source>There is no picture to use.</source>
        <translation>Aucune image à utiliser.</translation>
    </message>
    <message>
        <source>The picture is too small (%1 × %2 pixels): it must be at least %3 pixels wide and high.</source>
        <translation>L’image est trop petite (%1 × %2 pixels)&#xa0;: elle doit mesurer au moins %3 pixels de large et de haut.</translation>
    </message>
    <message>
        <source>The picture cannot be converted to JPEG.</source>
        <translation>L’image ne peut pas être convertie en JPEG.</translation>
    </message>
    <message>
        <source>The picture in %1 is too large (%2 × %3 pixels): at most %4 million pixels.</source>
        <translation>L’image du fichier %1 est trop grande (%2 × %3 pixels)&#xa0;: %4 millions de pixels au plus.</translation>
    </message>
    <message>
        <source>The picture in %1 is too small (%2 × %3 pixels): it must be at least %4 pixels wide and high.</source>
        <translation>L’image du fichier %1 est trop petite (%2 × %3 pixels)&#xa0;: elle doit mesurer au moins %4 pixels de large et de haut.</translation>
    </message>
    <message>
        <source>The picture in %1 cannot be converted to JPEG.</source>
        <translation>L’image du fichier %1 ne peut pas être convertie en JPEG.</translation>
    </message>
    <message>
        <source>The file %1 is not a picture that can be read (%2).</source>
        <translation>Le fichier %1 n’est pas une image lisible (%2).</translation>
    </message>
</context>
<context>
    <name>PickupLifecycle</name>
    <message>
        <source>This transport was delivered: it can no longer change.</source>
        <translation>Ce transport a été livré&#xa0;: il ne peut plus changer.</translation>
    </message>
    <message>
        <source>This transport was cancelled: it can no longer change.</source>
        <translation>Ce transport a été annulé&#xa0;: il ne peut plus changer.</translation>
    </message>
    <message>
        <source>The logistics service has planned this transport: ask them to cancel it.</source>
        <translation>Le service logistique a planifié ce transport&#xa0;: demandez-lui de l’annuler.</translation>
    </message>
    <message>
        <source>Only the logistics service plans and carries out transports.</source>
        <translation>Seul le service logistique planifie et effectue les transports.</translation>
    </message>
    <message>
        <source>This transport is under way: it can no longer be planned.</source>
        <translation>Ce transport est en cours&#xa0;: il ne peut plus être planifié.</translation>
    </message>
    <message>
        <source>Plan this transport before marking it picked up.</source>
        <translation>Planifiez ce transport avant de le marquer enlevé.</translation>
    </message>
    <message>
        <source>Mark this transport picked up before marking it delivered.</source>
        <translation>Marquez ce transport enlevé avant de le marquer livré.</translation>
    </message>
    <message>
        <source>This transport is under way: it can no longer be cancelled.</source>
        <translation>Ce transport est en cours&#xa0;: il ne peut plus être annulé.</translation>
    </message>
    <message>
        <source>This step is not possible now.</source>
        <translation>Cette étape n’est pas possible pour l’instant.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Enlevé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>PickupListCommand</name>
    <message>
        <source>pickup-list needs --date, as 2026-12-04.</source>
        <translation>pickup-list demande --date, par exemple 2026-12-04.</translation>
    </message>
    <message>
        <source>--date: &quot;%1&quot; is not a day; write it as 2026-12-04.</source>
        <translation>--date&#xa0;: «&#xa0;%1&#xa0;» n’est pas un jour&#xa0;; écrivez-le 2026-12-04.</translation>
    </message>
    <message>
        <source>pickup-list needs --output FILE.pdf.</source>
        <translation>pickup-list demande --output FICHIER.pdf.</translation>
    </message>
    <message numerus="yes">
        <source>Pickup list of %1 written to %2: %n stop(s).</source>
        <translation>
            <numerusform>Liste des enlèvements du %1 écrite dans %2&#xa0;: %n arrêt.</numerusform>
            <numerusform>Liste des enlèvements du %1 écrite dans %2&#xa0;: %n arrêts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickupRepository</name>
    <message>
        <source>The transport could not be requested.</source>
        <translation>Le transport n’a pas pu être demandé.</translation>
    </message>
    <message>
        <source>A transport is requested for an ad closed as exchanged with a service; this ad is not, or no longer.</source>
        <translation>Un transport se demande pour une annonce clôturée comme échangée avec un service&#xa0;; ce n’est pas, ou plus, le cas de cette annonce.</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner or a moderator asks for its transport.</source>
        <translation>Seul l’auteur de l’annonce ou un modérateur peut en demander le transport.</translation>
    </message>
    <message>
        <source>A transport is already under way for this ad.</source>
        <translation>Un transport est déjà en cours pour cette annonce.</translation>
    </message>
    <message>
        <source>Choose the site the item leaves from.</source>
        <translation>Choisissez le site de départ de l’objet.</translation>
    </message>
    <message>
        <source>Choose the site the item goes to.</source>
        <translation>Choisissez le site d’arrivée de l’objet.</translation>
    </message>
    <message>
        <source>Choose the day you wish the transport for.</source>
        <translation>Choisissez le jour souhaité pour le transport.</translation>
    </message>
    <message>
        <source>The wished day is past: choose today or a later day.</source>
        <translation>Le jour souhaité est passé&#xa0;: choisissez aujourd’hui ou un jour suivant.</translation>
    </message>
    <message>
        <source>The notes are too long (1,000 characters at most).</source>
        <translation>Les consignes sont trop longues (1 000 caractères au plus).</translation>
    </message>
    <message>
        <source>The site « %1 » is closed: choose another one.</source>
        <translation>Le site «&#xa0;%1&#xa0;» est fermé&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A site of this transport no longer exists.</source>
        <translation>Un site de ce transport n’existe plus.</translation>
    </message>
    <message>
        <source>Choose the day of the transport.</source>
        <translation>Choisissez le jour du transport.</translation>
    </message>
    <message>
        <source>This day is past: plan the transport for today or a later day.</source>
        <translation>Ce jour est passé&#xa0;: planifiez le transport pour aujourd’hui ou un jour suivant.</translation>
    </message>
    <message>
        <source>The team&apos;s name is too long (60 characters at most).</source>
        <translation>Le nom de l’équipe est trop long (60 caractères au plus).</translation>
    </message>
    <message>
        <source>The stop&apos;s order is a number from 1.</source>
        <translation>L’ordre de passage est un nombre à partir de 1.</translation>
    </message>
    <message>
        <source>Say why the transport is cancelled.</source>
        <translation>Indiquez pourquoi le transport est annulé.</translation>
    </message>
    <message>
        <source>The reason is too long (500 characters at most).</source>
        <translation>Le motif est trop long (500 caractères au plus).</translation>
    </message>
    <message>
        <source>The transport could not be changed.</source>
        <translation>Le transport n’a pas pu être modifié.</translation>
    </message>
    <message>
        <source>Only the logistics service and the agents of the two services follow this transport.</source>
        <translation>Seuls le service logistique et les agents des deux services suivent ce transport.</translation>
    </message>
    <message>
        <source>Someone else changed this transport in the meantime: read it again.</source>
        <translation>Quelqu’un d’autre a modifié ce transport entre-temps&#xa0;: relisez-le.</translation>
    </message>
    <message>
        <source>The transport&apos;s history could not be written.</source>
        <translation>L’historique du transport n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The transport could not be read.</source>
        <translation>Le transport n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>This transport does not exist, or is not yours to see.</source>
        <translation>Ce transport n’existe pas, ou il ne vous est pas visible.</translation>
    </message>
    <message>
        <source>The transports could not be read.</source>
        <translation>Les transports n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>The transport&apos;s history could not be read.</source>
        <translation>L’historique du transport n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>This step of the transport is not in its history.</source>
        <translation>Cette étape du transport ne figure pas dans son historique.</translation>
    </message>
    <message>
        <source>The exchanged ads could not be read.</source>
        <translation>Les annonces données n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>The notes hold a control character: remove it.</source>
        <translation>Les consignes contiennent un caractère de contrôle&#xa0;: retirez-le.</translation>
    </message>
    <message>
        <source>The room is too long (80 characters at most).</source>
        <translation>La salle est trop longue (80&#xa0;caractères au plus).</translation>
    </message>
    <message>
        <source>The name is too long (120 characters at most).</source>
        <translation>Le nom est trop long (120&#xa0;caractères au plus).</translation>
    </message>
    <message>
        <source>The phone number is too long (40 characters at most).</source>
        <translation>Le numéro de téléphone est trop long (40&#xa0;caractères au plus).</translation>
    </message>
    <message>
        <source>This field holds a control character or a line break: remove it.</source>
        <translation>Ce champ contient un caractère de contrôle ou un saut de ligne&#xa0;: retirez-le.</translation>
    </message>
    <message>
        <source>The item could not be sent to the store.</source>
        <translation>L’objet n’a pas pu être envoyé au magasin.</translation>
    </message>
    <message>
        <source>Only a published ad, or one that expired without a taker, goes to the general store; this one is not, or no longer.</source>
        <translation>Seule une annonce publiée, ou expirée sans preneur, part au magasin général&#xa0;; celle-ci ne l’est pas, ou plus.</translation>
    </message>
    <message>
        <source>Choose a general store as the destination.</source>
        <translation>Choisissez un magasin général comme destination.</translation>
    </message>
    <message>
        <source>« %1 » holds this item already.</source>
        <translation>«&#xa0;%1&#xa0;» détient déjà cet objet.</translation>
    </message>
    <message>
        <source>« %1 » has no keeper at the moment: ask a moderator.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas de responsable en ce moment&#xa0;: adressez-vous à un modérateur.</translation>
    </message>
    <message>
        <source>The day&apos;s stops could not be read.</source>
        <translation>Les arrêts du jour n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>Only the logistics service, moderators and administrators print the day&apos;s pickup list.</source>
        <translation>Seuls le service logistique, les modérateurs et les administrateurs impriment la liste des enlèvements du jour.</translation>
    </message>
    <message>
        <source>Only the ad&apos;s owner sends it to the store.</source>
        <translation>Seul l’auteur de l’annonce l’envoie au magasin.</translation>
    </message>
    <message>
        <source>This ad is awaiting moderation or was not approved: its parts&apos; transports are asked once a moderator has approved it.</source>
        <translation>Cette annonce attend la modération ou n’a pas été approuvée&#xa0;: le transport de ses parties se demande une fois qu’un modérateur l’a approuvée.</translation>
    </message>
    <message>
        <source>Part of this lot is reserved for a service or was given: only a whole lot goes to the general store.</source>
        <translation>Une partie de ce lot est réservée pour un service ou a été donnée&#xa0;: seul un lot entier part au magasin général.</translation>
    </message>
    <message>
        <source>A transport is requested for a part given to its service; this part is not, or no longer.</source>
        <translation>Un transport se demande pour une partie donnée à son service&#xa0;; cette partie ne l’est pas, ou plus.</translation>
    </message>
    <message>
        <source>A transport is already under way for this part.</source>
        <translation>Un transport est déjà en cours pour cette partie.</translation>
    </message>
</context>
<context>
    <name>PostgresDialect</name>
    <message>
        <source>The login %1 is not valid: use 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>L’identifiant %1 n’est pas valide&#xa0;: utilisez de 2 à 63 lettres minuscules, chiffres, points, tirets ou tirets bas, en commençant par une lettre.</translation>
    </message>
    <message>
        <source>No PostgreSQL connection.</source>
        <translation>Aucune connexion PostgreSQL.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>Le hachage du mot de passe a échoué.</translation>
    </message>
    <message>
        <source>A database account named %1 already exists and is not an agent&apos;s account of Collectiv&apos;Récup: choose another login.</source>
        <translation>Un compte de base de données nommé %1 existe déjà et n’est pas un compte d’agent de Collectiv&apos;Récup&#xa0;: choisissez un autre identifiant.</translation>
    </message>
    <message>
        <source>This login is already a database account that is not an agent&apos;s.</source>
        <translation>Cet identifiant est déjà un compte de base de données qui n’est pas celui d’un agent.</translation>
    </message>
    <message>
        <source>No database account is named %1: create it with collectiv-recup-admin add-agent.</source>
        <translation>Aucun compte de la base de données ne s’appelle %1&#xa0;: créez-le avec collectiv-recup-admin add-agent.</translation>
    </message>
</context>
<context>
    <name>Recup::AccessibleLabels</name>
    <message>
        <source>%1 (%2)</source>
        <comment>a tooltip, then its shortcut</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>Page affichée</translation>
    </message>
</context>
<context>
    <name>Recup::AdDetailPane</name>
    <message>
        <source>Select an ad in the list to see its details.</source>
        <translation>Sélectionnez une annonce dans la liste pour en voir le détail.</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>Photo précédente</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>Photo suivante</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Proposé par</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Loading details…</source>
        <translation>Chargement du détail…</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacter</translation>
    </message>
    <message>
        <source>Exchanges are between services, for professional use only.</source>
        <translation>Les échanges se font entre services, pour un usage exclusivement professionnel.</translation>
    </message>
    <message>
        <source>Loading the photos…</source>
        <translation>Chargement des photos…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Aucune description.</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Aucune photo</translation>
    </message>
    <message>
        <source>The details of this ad could not be loaded: %1</source>
        <translation>Le détail de cette annonce n’a pas pu être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose who you are to contact the giver.</source>
        <translation>Choisissez qui vous êtes pour contacter la personne qui donne.</translation>
    </message>
    <message>
        <source>This is your ad.</source>
        <translation>C’est votre annonce.</translation>
    </message>
    <message>
        <source>%1 of %2 available</source>
        <translation>%1 sur %2 disponibles</translation>
    </message>
    <message>
        <source>%1, all reserved</source>
        <translation>%1, tout est réservé</translation>
    </message>
    <message>
        <source>Contact the giver</source>
        <translation>Contacter le donneur</translation>
    </message>
    <message>
        <source>%1 The giver has your message and answers by mail.</source>
        <translation>%1 Le donneur a votre message et vous répond par courriel.</translation>
    </message>
    <message>
        <source>Write to the giver; the moderators get a copy (%1).</source>
        <translation>Écrire au donneur&#xa0;; les modérateurs reçoivent une copie (%1).</translation>
    </message>
</context>
<context>
    <name>Recup::AdEditorDialog</name>
    <message>
        <source>Add photos of the item</source>
        <translation>Ajouter des photos de l’objet</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>What you typed in this ad has not been saved.</source>
        <translation>Votre saisie dans cette annonce n’a pas été enregistrée.</translation>
    </message>
    <message>
        <source>If you close now, your changes are lost.</source>
        <translation>Si vous fermez maintenant, vos modifications seront perdues.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>Reload the latest version</source>
        <translation>Recharger la dernière version</translation>
    </message>
    <message>
        <source>Copy what I typed</source>
        <translation>Copier ma saisie</translation>
    </message>
    <message>
        <source>The item</source>
        <translation>L’objet</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>For example: Oak desk 160 × 80 cm with drawers</source>
        <translation>Par exemple&#xa0;: bureau en chêne 160 × 80 cm avec tiroirs</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Titre *</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Condition, dimensions, what goes with it, when it can be collected…</source>
        <translation>État, dimensions, accessoires fournis, disponibilités pour l’enlèvement…</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>&amp;Category *</source>
        <translation>&amp;Catégorie *</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantité</translation>
    </message>
    <message>
        <source>Estimated total weight in kilograms</source>
        <translation>Poids total estimé en kilogrammes</translation>
    </message>
    <message>
        <source>Estimated &amp;weight</source>
        <translation>&amp;Poids estimé</translation>
    </message>
    <message>
        <source>Estimated value in euros</source>
        <translation>Valeur estimée en euros</translation>
    </message>
    <message>
        <source>for example 1 234,50</source>
        <translation>par exemple 1&#xa0;234,50</translation>
    </message>
    <message>
        <source>What buying it new would cost, roughly. Only you and the moderators see it; it counts the purchases avoided.</source>
        <translation>Le prix approximatif de l’objet acheté neuf. Ce montant n’est visible que par vous et les modérateurs&#xa0;; il sert à chiffrer les achats évités.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Photos of the item</source>
        <translation>Photos de l’objet</translation>
    </message>
    <message>
        <source>Show this photo earlier</source>
        <translation>Placer cette photo avant</translation>
    </message>
    <message>
        <source>Show this photo later</source>
        <translation>Placer cette photo après</translation>
    </message>
    <message>
        <source>Where it is</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>&amp;Site *</source>
        <translation>&amp;Site *</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Building, floor, room</source>
        <translation>Bâtiment, étage, salle</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>Sa&amp;lle</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup is for exchanges between services, for professional use only: items are never given to individuals.</source>
        <translation>Collectiv&apos;Récup sert aux échanges entre services, pour un usage exclusivement professionnel&#xa0;: les objets ne sont jamais donnés à des particuliers.</translation>
    </message>
    <message>
        <source>I certify that this item is offered for professional use between services</source>
        <translation>Je certifie que cet objet est proposé pour un usage professionnel entre services</translation>
    </message>
    <message>
        <source>Keep the ad for later; nobody else sees it.</source>
        <translation>Garder l’annonce pour plus tard&#xa0;; personne d’autre ne la voit.</translation>
    </message>
    <message>
        <source>Send to moderation</source>
        <translation>Soumettre à la modération</translation>
    </message>
    <message>
        <source>A moderator checks the ad, then it is published.</source>
        <translation>Un modérateur vérifie l’annonce, puis elle est publiée.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <source>The categories could not be loaded. %1</source>
        <translation>Les catégories n’ont pas pu être chargées. %1</translation>
    </message>
    <message>
        <source>Choose a site…</source>
        <translation>Choisissez un site…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose a category…</source>
        <translation>Choisissez une catégorie…</translation>
    </message>
    <message>
        <source>%1 (not accepted here)</source>
        <translation>%1 (non acceptée ici)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>Post an ad — Collectiv&apos;Récup</source>
        <translation>Déposer une annonce — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Post an ad</source>
        <translation>Déposer une annonce</translation>
    </message>
    <message>
        <source>Describe the item as you would to a colleague: a moderator reads the ad before it is published.</source>
        <translation>Décrivez l’objet comme vous le feriez pour un collègue&#xa0;: un modérateur relit l’annonce avant sa publication.</translation>
    </message>
    <message>
        <source>Edit the ad — Collectiv&apos;Récup</source>
        <translation>Modifier l’annonce — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Edit the ad %1</source>
        <translation>Modifier l’annonce %1</translation>
    </message>
    <message>
        <source>Posted by %1. You are editing it as a moderator.</source>
        <translation>Annonce déposée par %1. Vous la modifiez en tant que modérateur.</translation>
    </message>
    <message>
        <source>Posted by %1 (%2). You are editing it as a moderator.</source>
        <translation>Annonce déposée par %1 (%2). Vous la modifiez en tant que modérateur.</translation>
    </message>
    <message>
        <source>Status: %1.</source>
        <translation>Statut&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Between %1 and %2 characters</source>
        <translation>Entre %1 et %2 caractères</translation>
    </message>
    <message>
        <source>This category cannot be offered here.</source>
        <translation>Les objets de cette catégorie ne peuvent pas être proposés ici.</translation>
    </message>
    <message>
        <source>About %1 per item for this category.</source>
        <translation>Environ %1 par objet pour cette catégorie.</translation>
    </message>
    <message>
        <source>The total for the whole quantity; a rough estimate is fine.</source>
        <translation>Le total pour toute la quantité&#xa0;; un ordre de grandeur suffit.</translation>
    </message>
    <message>
        <source>The ad was not saved: correct the fields marked in red.</source>
        <translation>L’annonce n’a pas été enregistrée&#xa0;: corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>The ad was not saved: %1</source>
        <translation>L’annonce n’a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The photos are still being prepared: save again in a moment.</source>
        <translation>Les photos sont encore en préparation&#xa0;: enregistrez de nouveau dans un instant.</translation>
    </message>
    <message>
        <source>Type an amount in euros, for example 1 234,50.</source>
        <translation>Saisissez un montant en euros, par exemple 1&#xa0;234,50.</translation>
    </message>
    <message>
        <source>Your ad is saved as a draft, but it could not be sent to moderation. %1</source>
        <translation>Votre annonce est enregistrée comme brouillon, mais elle n’a pas pu être soumise à la modération. %1</translation>
    </message>
    <message>
        <source>The ad was not saved. %1 What you typed is still here.</source>
        <translation>L’annonce n’a pas été enregistrée. %1 Votre saisie est conservée.</translation>
    </message>
    <message>
        <source>%1 What you typed is still in the form: copy it if you want to post it again.</source>
        <translation>%1 Votre saisie est toujours dans le formulaire&#xa0;: copiez-la si vous souhaitez déposer l’annonce à nouveau.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description&#xa0;:</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Catégorie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Quantity: %1</source>
        <translation>Quantité&#xa0;: %1</translation>
    </message>
    <message>
        <source>Estimated weight: %1</source>
        <translation>Poids estimé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Estimated value: %1 €</source>
        <translation>Valeur estimée&#xa0;: %1&#xa0;€</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site&#xa0;: %1</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Salle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Photos&#xa0;: %1</translation>
    </message>
    <message>
        <source>What you typed is in the clipboard: you can paste it in any text field or document.</source>
        <translation>Votre saisie est dans le presse-papiers&#xa0;: vous pouvez la coller dans n’importe quel champ de texte ou document.</translation>
    </message>
    <message>
        <source>Estimated weight</source>
        <translation>Poids estimé</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>Valeur estimée</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>The latest version is now in the form. What you typed is the same as what was saved: nothing to take back.</source>
        <translation>Le formulaire affiche maintenant la dernière version. Votre saisie est identique à ce qui a été enregistré&#xa0;: rien à reprendre.</translation>
    </message>
    <message>
        <source>The latest version is now in the form. What you typed differs on the fields below: take back what you need with “Use mine”, then save again.</source>
        <translation>Le formulaire affiche maintenant la dernière version. Votre saisie diffère sur les champs ci-dessous&#xa0;: reprenez ce dont vous avez besoin avec «&#xa0;Reprendre ma saisie&#xa0;», puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>Saved meanwhile: %1</source>
        <translation>Enregistré entre-temps&#xa0;: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Yours: %1</source>
        <translation>Votre saisie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Reprendre ma saisie</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>Repris</translation>
    </message>
    <message>
        <source>Use all of mine</source>
        <translation>Reprendre toute ma saisie</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>Your version is in the clipboard.</source>
        <translation>Votre version est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>The form now shows the ad as it was saved meanwhile. Nothing you typed is lost: it is under “Your version”, on the right.</source>
        <translation>Le formulaire affiche maintenant l’annonce telle qu’elle a été enregistrée entre-temps. Votre saisie n’est pas perdue&#xa0;: elle figure sous «&#xa0;Votre version&#xa0;», à droite.</translation>
    </message>
    <message numerus="yes">
        <source>An ad has at most %1 photos: %n file(s) not added.</source>
        <translation>
            <numerusform>Une annonce comporte au plus %1 photos&#xa0;: %n fichier n’a pas été ajouté.</numerusform>
            <numerusform>Une annonce comporte au plus %1 photos&#xa0;: %n fichiers n’ont pas été ajoutés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n photo(s)…</source>
        <translation>
            <numerusform>Préparation de %n photo…</numerusform>
            <numerusform>Préparation de %n photos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown first</source>
        <translation>Affichée en premier</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <source>The first photo is the one shown in lists.</source>
        <translation>La première photo est celle affichée dans les listes.</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>Photo %1 sur %2</translation>
    </message>
    <message>
        <source>%1 / %2 photos. The first one is shown in lists.</source>
        <translation>%1 / %2 photos. La première est affichée dans les listes.</translation>
    </message>
    <message>
        <source>No photo yet: up to %1; a photo taken on site helps a lot.</source>
        <translation>Aucune photo pour l’instant&#xa0;: vous pouvez en ajouter jusqu’à %1. Une photo prise sur place aide beaucoup.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>quotation marks around an ad&apos;s title</comment>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>Status: %1. If you change the title, the description, the category, the room or the photos, the ad goes back to moderation.</source>
        <translation>Statut&#xa0;: %1. Si vous modifiez le titre, la description, la catégorie, la salle ou les photos, l’annonce sera de nouveau soumise à la modération.</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (fermé)</translation>
    </message>
    <message>
        <source>%1 (no longer offered)</source>
        <translation>%1 (plus proposée)</translation>
    </message>
    <message>
        <source>Send the ad back to moderation?</source>
        <translation>Renvoyer l’annonce en modération&#xa0;?</translation>
    </message>
    <message>
        <source>You changed the title, the description, the category, the room or the photos of a published ad.</source>
        <translation>Vous avez modifié le titre, la description, la catégorie, la salle ou les photos d’une annonce publiée.</translation>
    </message>
    <message>
        <source>The ad will be hidden from the catalogue until a moderator approves it again.</source>
        <translation>L’annonce sera masquée du catalogue jusqu’à ce qu’un modérateur l’approuve de nouveau.</translation>
    </message>
    <message>
        <source>Save and send to moderation</source>
        <translation>Enregistrer et envoyer en modération</translation>
    </message>
    <message>
        <source>&amp;Resume it</source>
        <translation>&amp;Le reprendre</translation>
    </message>
    <message>
        <source>Post it as a new ad</source>
        <translation>En faire une nouvelle annonce</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>L’abandonner</translation>
    </message>
    <message>
        <source>&amp;No value</source>
        <translation>Sans vale&amp;ur</translation>
    </message>
    <message>
        <source>The item is worth nothing: its value is counted as 0 €.</source>
        <translation>L’objet ne vaut rien&#xa0;: sa valeur compte pour 0&#xa0;€.</translation>
    </message>
    <message>
        <source>Estimated &amp;value *</source>
        <translation>&amp;Valeur estimée *</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Paste a picture or picture files copied elsewhere (%1); you can also drop them on this window.</source>
        <translation>Collez une image ou des fichiers d’images copiés ailleurs (%1)&#xa0;; vous pouvez aussi les déposer sur cette fenêtre.</translation>
    </message>
    <message>
        <source>Photos being prepared</source>
        <translation>Photos en préparation</translation>
    </message>
    <message>
        <source>Available from</source>
        <translation>Disponible à partir du</translation>
    </message>
    <message>
        <source>When the item can be collected; changing it later does not send the ad back to moderation.</source>
        <translation>Quand l’objet peut être enlevé&#xa0;; le changer ensuite ne renvoie pas l’annonce en modération.</translation>
    </message>
    <message>
        <source>&amp;Available from</source>
        <translation>Dispo&amp;nible à partir du</translation>
    </message>
    <message>
        <source>The clipboard holds no picture: copy a photo or picture files, then paste again.</source>
        <translation>Le presse-papiers ne contient aucune image&#xa0;: copiez une photo ou des fichiers d’images, puis collez de nouveau.</translation>
    </message>
    <message>
        <source>Only pictures can be photos of an ad; not added: %1.</source>
        <translation>Seules des images peuvent servir de photos à une annonce&#xa0;; non ajoutés&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Photos are still being prepared: add these in a moment.</source>
        <translation>Des photos sont encore en préparation&#xa0;: ajoutez celles-ci dans un instant.</translation>
    </message>
    <message>
        <source>An unsaved draft of %1 at %2 was found: resume it?</source>
        <translation>Un brouillon non enregistré du %1 à %2 a été retrouvé&#xa0;: le reprendre&#xa0;?</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>the time of a draft</comment>
        <translation>H&apos; h &apos;mm</translation>
    </message>
    <message>
        <source>Your draft is back in the form: save it when it is ready.</source>
        <translation>Votre brouillon est de retour dans le formulaire&#xa0;: enregistrez-le quand il est prêt.</translation>
    </message>
    <message>
        <source>Since your draft, this ad was closed (%1): it can no longer change. What you typed is under “Your version”: copy it, or post it as a new ad.</source>
        <translation>Depuis votre brouillon, cette annonce a été clôturée (%1)&#xa0;: elle ne peut plus changer. Ce que vous aviez saisi est sous «&#xa0;Votre version&#xa0;»&#xa0;: copiez-le, ou faites-en une nouvelle annonce.</translation>
    </message>
    <message>
        <source>Since your draft, this ad changed: it is now %1. The form shows it as it is now; what you typed is under “Your version”.</source>
        <translation>Depuis votre brouillon, cette annonce a changé&#xa0;: elle est maintenant %1. Le formulaire la montre telle qu’elle est&#xa0;; ce que vous aviez saisi est sous «&#xa0;Votre version&#xa0;».</translation>
    </message>
    <message>
        <source>Pictures (%1);;All files (*)</source>
        <translation>Images (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Add p&amp;hotos…</source>
        <translation>Ajouter des p&amp;hotos…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Suppri&amp;mer</translation>
    </message>
    <message>
        <source>◀ M&amp;ove</source>
        <translation>◀ Déplace&amp;r</translation>
    </message>
    <message>
        <source>Mov&amp;e ▶</source>
        <translation>Déplac&amp;er ▶</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Save as dra&amp;ft</source>
        <translation>Enregistrer comme &amp;brouillon</translation>
    </message>
</context>
<context>
    <name>Recup::AgentsModel</name>
    <message>
        <source>moderator</source>
        <translation>modérateur</translation>
    </message>
    <message>
        <source>logistics</source>
        <translation>logistique</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Unknown service</source>
        <translation>Service inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%n on the way to the general store: they stay with this agent until delivered.</source>
        <translation>
            <numerusform>%n en route vers le magasin général&#xa0;: elle reste à cet agent jusqu’à sa livraison.</numerusform>
            <numerusform>%n en route vers le magasin général&#xa0;: elles restent à cet agent jusqu’à leur livraison.</numerusform>
        </translation>
    </message>
    <message>
        <source>This agent no longer acts in Collectiv&apos;Récup; their ads and history stay.</source>
        <translation>Cet agent n’agit plus dans Collectiv&apos;Récup&#xa0;; ses annonces et leur historique restent.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Open ads</source>
        <translation>Annonces en cours</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Recup::AgentsWindow</name>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Who works with Collectiv&apos;Récup: find an agent, hand a leaving agent&apos;s ads over to a colleague, deactivate an agent who has left.</source>
        <translation>Les agents de Collectiv&apos;Récup&#xa0;: retrouvez un agent, confiez les annonces d’un agent qui part à un collègue, désactivez un agent parti.</translation>
    </message>
    <message>
        <source>Read the list again now (it is also read every minute)</source>
        <translation>Relire la liste maintenant (elle est aussi relue chaque minute)</translation>
    </message>
    <message>
        <source>Agents — Collectiv&apos;Récup</source>
        <translation>Agents — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>&amp;Agents</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Hand over their ads…</source>
        <translation>&amp;Confier ses annonces…</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>A name, a login or a service</source>
        <translation>Un nom, un identifiant ou un service</translation>
    </message>
    <message>
        <source>Show &amp;inactive agents</source>
        <translation>Afficher les agents &amp;inactifs</translation>
    </message>
    <message>
        <source>Give the open ads of the selected agent to another agent, for instance when they leave</source>
        <translation>Confier les annonces en cours de l’agent choisi à un autre agent, par exemple à son départ</translation>
    </message>
    <message>
        <source>The agents could not be read. %1</source>
        <translation>La liste des agents n’a pas pu être lue. %1</translation>
    </message>
    <message>
        <source>Agents: %1</source>
        <translation>Agents&#xa0;: %1</translation>
    </message>
    <message>
        <source>The list shown may be out of date.</source>
        <translation>La liste affichée n’est peut-être plus à jour.</translation>
    </message>
    <message>
        <source>No agent matches.</source>
        <translation>Aucun agent ne correspond.</translation>
    </message>
    <message>
        <source>Select an agent to hand over their ads or to deactivate them.</source>
        <translation>Choisissez un agent pour confier ses annonces ou pour le désactiver.</translation>
    </message>
    <message>
        <source>%1 has no open ad.</source>
        <translation>%1 n’a aucune annonce en cours.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n open ad(s).</source>
        <translation>
            <numerusform>%1 a %n annonce en cours.</numerusform>
            <numerusform>%1 a %n annonces en cours.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no ad to hand over: their open ads are on the way to the general store, whose keeper takes them on delivery.</source>
        <translation>%1 n’a aucune annonce à confier&#xa0;: ses annonces en cours sont en route vers le magasin général, dont le responsable les reprend à la livraison.</translation>
    </message>
    <message>
        <source>%1 has no open ad to hand over.</source>
        <translation>%1 n’a aucune annonce en cours à confier.</translation>
    </message>
    <message>
        <source>%1 has no open ad to hand over any more: nothing was changed.</source>
        <translation>%1 n’a plus d’annonce en cours à confier&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) of %1 handed over to %2.</source>
        <translation>
            <numerusform>%n annonce de %1 confiée à %2.</numerusform>
            <numerusform>%n annonces de %1 confiées à %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is active again.</source>
        <translation>Réactivation de %1 enregistrée.</translation>
    </message>
    <message>
        <source>%1 is deactivated: they no longer act in Collectiv&apos;Récup; their ads and history stay.</source>
        <translation>%1 est désactivé&#xa0;: cet agent n’agit plus dans Collectiv&apos;Récup&#xa0;; ses annonces et leur historique restent.</translation>
    </message>
    <message>
        <source>Their database login stays until the IT department revokes it (collectiv-recup-admin deactivate-agent --login %1).</source>
        <translation>Son identifiant de connexion à la base reste valable jusqu’à ce que le service informatique le révoque (collectiv-recup-admin deactivate-agent --login %1).</translation>
    </message>
    <message numerus="yes">
        <source>Their %n open ad(s) stay(s) theirs: hand them over with “Hand over their ads…”.</source>
        <translation>
            <numerusform>Son annonce en cours lui reste&#xa0;: confiez-la avec «&#xa0;Confier ses annonces…&#xa0;».</numerusform>
            <numerusform>Ses %n annonces en cours lui restent&#xa0;: confiez-les avec «&#xa0;Confier ses annonces…&#xa0;».</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is still active, and only an administrator deactivates a moderator, an administrator or themselves: their ads are handed over once an administrator has deactivated them.</source>
        <translation>%1 est encore en poste, et seul un administrateur désactive un modérateur, un administrateur ou lui-même&#xa0;: ses annonces pourront être confiées une fois son compte désactivé par un administrateur.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is deactivated and their %n ad(s) handed over to %2.</source>
        <translation>
            <numerusform>Le compte de %1 est désactivé et son annonce (%n) confiée à %2.</numerusform>
            <numerusform>Le compte de %1 est désactivé et ses %n annonces confiées à %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;nonymise…</source>
        <translation>A&amp;nonymiser…</translation>
    </message>
    <message>
        <source>Replace the name, login, email and phone of the selected deactivated agent, and the messages they wrote; their ads, history and figures stay (%1). Administrators only.</source>
        <translation>Remplacer le nom, l’identifiant, l’adresse et le téléphone de l’agent désactivé sélectionné, et les messages qu’il a écrits&#xa0;; ses annonces, son historique et les chiffres restent (%1). Administrateurs seulement.</translation>
    </message>
    <message>
        <source>Anonymise the selected agent</source>
        <translation>Anonymiser l’agent sélectionné</translation>
    </message>
    <message>
        <source>Anonymise…</source>
        <translation>Anonymiser…</translation>
    </message>
    <message>
        <source>Only an administrator anonymises an agent.</source>
        <translation>Seul un administrateur anonymise un agent.</translation>
    </message>
    <message>
        <source>%1 is still active: deactivate them before anonymising them.</source>
        <translation>%1 est encore actif&#xa0;: désactivez-le avant de l’anonymiser.</translation>
    </message>
    <message>
        <source>Anonymise an agent</source>
        <translation>Anonymiser un agent</translation>
    </message>
    <message>
        <source>Anonymise %1?</source>
        <translation>Anonymiser %1&#xa0;?</translation>
    </message>
    <message>
        <source>Their name becomes « Agent anonymisé n° %1 », their login, email and phone are removed, the contact messages they wrote are erased, and so are the mails they wrote or that were sent to them alone (one not sent yet is never sent); from a mail sent to several people only their address is removed. Their ads, their history and the figures stay as they are. This cannot be undone.</source>
        <translation>Son nom devient «&#xa0;Agent anonymisé n°&#xa0;%1&#xa0;», son identifiant, son adresse et son téléphone sont retirés, les messages de contact qu’il a écrits sont effacés, ainsi que les courriels qu’il a écrits ou qui n’étaient adressés qu’à lui (un courriel pas encore parti ne partira jamais)&#xa0;; d’un courriel adressé à plusieurs personnes, seule son adresse est retirée. Ses annonces, son historique et les chiffres restent tels quels. C’est définitif.</translation>
    </message>
    <message>
        <source>&amp;Anonymise</source>
        <translation>&amp;Anonymiser</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Garder</translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) anonymised</source>
        <translation>
            <numerusform>%n courriel(s) anonymisé(s)</numerusform>
            <numerusform>%n courriel(s) anonymisé(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting what anonymising %1 would change…</source>
        <translation>Décompte de ce que l’anonymisation de %1 changerait…</translation>
    </message>
    <message>
        <source>%1 has no contact message nor mail of their own left to anonymise;</source>
        <translation>%1 n’a plus ni message de contact ni courriel à anonymiser&#xa0;;</translation>
    </message>
    <message>
        <source>%1 and %2 of %3 will be anonymised;</source>
        <translation>%1 et %2 de %3 seront anonymisés&#xa0;;</translation>
    </message>
    <message numerus="yes">
        <source>%n contact message(s)</source>
        <translation>
            <numerusform>%n message de contact</numerusform>
            <numerusform>%n messages de contact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s)</source>
        <translation>
            <numerusform>%n courriel</numerusform>
            <numerusform>%n courriels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n mail(s) sent to several people, only their address is removed;</source>
        <translation>
            <numerusform>d’%n courriel adressé à plusieurs personnes, seule son adresse est retirée&#xa0;;</numerusform>
            <numerusform>de %n courriels adressés à plusieurs personnes, seule son adresse est retirée&#xa0;;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>their %n ad(s) and the figures stay.</source>
        <translation>
            <numerusform>son annonce (%n) et les statistiques restent.</numerusform>
            <numerusform>ses %n annonces et les statistiques restent.</numerusform>
        </translation>
    </message>
    <message>
        <source>the figures stay.</source>
        <translation>les statistiques restent.</translation>
    </message>
    <message>
        <source>%1 is anonymised: « Agent anonymisé n° %2 »; %3 and %4.</source>
        <translation>%1 est anonymisé&#xa0;: «&#xa0;Agent anonymisé n° %2&#xa0;»&#xa0;; %3 et %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact message(s) erased</source>
        <translation>
            <numerusform>%n message de contact effacé</numerusform>
            <numerusform>%n messages de contact effacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their address left %n mail(s) sent to several people.</source>
        <translation>
            <numerusform>Son adresse a été retirée d’%n courriel adressé à plusieurs personnes.</numerusform>
            <numerusform>Son adresse a été retirée de %n courriels adressés à plusieurs personnes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n ad(s), their history and the figures stay.</source>
        <translation>
            <numerusform>Son annonce (%n), son historique et les statistiques restent.</numerusform>
            <numerusform>Ses %n annonces, leur historique et les statistiques restent.</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures stay.</source>
        <translation>Les statistiques restent.</translation>
    </message>
    <message>
        <source>Deacti&amp;vate</source>
        <translation>Désacti&amp;ver</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>Réacti&amp;ver</translation>
    </message>
</context>
<context>
    <name>Recup::CatalogueModel</name>
    <message>
        <source>%1 (quantity: %2)</source>
        <translation>%1 (quantité&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation>Publiée le %1</translation>
    </message>
    <message>
        <source>Someone has already asked for this item; it may become available again.</source>
        <translation>Quelqu’un a déjà demandé cet objet&#xa0;; il pourrait redevenir disponible.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>Il y a %n jour</numerusform>
            <numerusform>Il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>Il y a %n mois</numerusform>
            <numerusform>Il y a %n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>Il y a %n an</numerusform>
            <numerusform>Il y a %n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 available</source>
        <translation>%1 sur %2 disponibles</translation>
    </message>
    <message>
        <source>%1 available</source>
        <translation>%1 disponibles</translation>
    </message>
</context>
<context>
    <name>Recup::CatalogueWindow</name>
    <message>
        <source>Collectiv&apos;Récup</source>
        <translation>Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>The lists of categories, services and sites could not be loaded. %1</source>
        <translation>Les listes des catégories, des services et des sites n’ont pas pu être chargées. %1</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Reuse between services: give your professional equipment a second life</source>
        <translation>Le réemploi entre services&#xa0;: donnez une seconde vie à votre matériel professionnel</translation>
    </message>
    <message>
        <source>You are:</source>
        <translation>Vous êtes&#xa0;:</translation>
    </message>
    <message>
        <source>Demo identity</source>
        <translation>Identité de démonstration</translation>
    </message>
    <message>
        <source>In demo mode, choose the agent you act as. This is not a login: anyone on this workstation can choose anyone.</source>
        <translation>En mode démonstration, choisissez l’agent au nom duquel vous agissez. Ce n’est pas une connexion&#xa0;: toute personne sur ce poste peut choisir n’importe quelle identité.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Demo mode — local database on this workstation. Choosing an identity is not a protection.</source>
        <translation>Mode démonstration — base de données locale sur ce poste. Le choix d’une identité ne constitue pas une protection.</translation>
    </message>
    <message>
        <source>Search: desk, cupboard, chair…</source>
        <translation>Rechercher&#xa0;: bureau, armoire, chaise…</translation>
    </message>
    <message>
        <source>Search the ads</source>
        <translation>Rechercher dans les annonces</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Collectivité</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>Toutes les collectivités</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every ad again</source>
        <translation>Afficher de nouveau toutes les annonces</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Refresh the catalogue</source>
        <translation>&amp;Actualiser le catalogue</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Collectiv&apos;Récup</source>
        <translation>À &amp;propos de Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No agent yet</source>
        <translation>Aucun agent pour l’instant</translation>
    </message>
    <message>
        <source>The catalogue could not be loaded.</source>
        <translation>Le catalogue n’a pas pu être chargé.</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) shown, loading more…</source>
        <translation>
            <numerusform>%n annonce affichée, chargement de la suite…</numerusform>
            <numerusform>%n annonces affichées, chargement de la suite…</numerusform>
        </translation>
    </message>
    <message>
        <source>No ad matches your search.</source>
        <translation>Aucune annonce ne correspond à votre recherche.</translation>
    </message>
    <message>
        <source>No ad is published at the moment.</source>
        <translation>Aucune annonce n’est publiée pour le moment.</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s)</source>
        <translation>
            <numerusform>%n annonce</numerusform>
            <numerusform>%n annonces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) shown; scroll down to see more.</source>
        <translation>
            <numerusform>%n annonce affichée&#xa0;; faites défiler la liste pour voir la suite.</numerusform>
            <numerusform>%n annonces affichées&#xa0;; faites défiler la liste pour voir la suite.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue could not be loaded. %1</source>
        <translation>Le catalogue n’a pas pu être chargé. %1</translation>
    </message>
    <message>
        <source>Collectiv&apos;Récup — reuse between services</source>
        <translation>Collectiv&apos;Récup — le réemploi entre services</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Agents of local authorities give each other the professional equipment they no longer need: furniture, small objects, consumables. Never IT equipment.</source>
        <translation>Les agents des collectivités se donnent le matériel professionnel dont ils n’ont plus besoin&#xa0;: mobilier, petits objets, consommables. Jamais de matériel informatique.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>Logiciel libre distribué sous licence publique générale GNU (GPL), version 3 ou ultérieure.</translation>
    </message>
    <message>
        <source>About Collectiv&apos;Récup</source>
        <translation>À propos de Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>&amp;Connect to the organisation&apos;s server…</source>
        <translation>Se &amp;connecter au serveur de la collectivité…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>Fe&amp;nêtres</translation>
    </message>
    <message>
        <source>&amp;Mail sending…</source>
        <translation>Envoi des co&amp;urriels…</translation>
    </message>
    <message>
        <source>The mail server this workstation sends through, and the sender&apos;s address</source>
        <translation>Le serveur de messagerie par lequel ce poste envoie les courriels, et l’adresse de l’expéditeur</translation>
    </message>
    <message>
        <source>Order of the ads</source>
        <translation>Ordre des annonces</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Les plus récentes d’abord</translation>
    </message>
    <message>
        <source>Nearest site first</source>
        <translation>Site le plus proche d’abord</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Par catégorie</translation>
    </message>
    <message>
        <source>Nearest site first: the ads of your site, then those of your organisation&apos;s other sites, then all the others</source>
        <translation>Site le plus proche d’abord&#xa0;: les annonces de votre site, puis celles des autres sites de votre organisation, puis toutes les autres</translation>
    </message>
    <message>
        <source>Your site</source>
        <translation>Votre site</translation>
    </message>
    <message>
        <source>The site you work at: its ads come first</source>
        <translation>Le site où vous travaillez&#xa0;: ses annonces viennent en premier</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenêtres</translation>
    </message>
    <message>
        <source>Published ads</source>
        <translation>Annonces publiées</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Vignettes</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Thumbnails</source>
        <translation>&amp;Vignettes</translation>
    </message>
    <message>
        <source>Thumbnails (Ctrl+G)</source>
        <translation>Vignettes (Ctrl+G)</translation>
    </message>
    <message>
        <source>Show the ads as a grid of thumbnails, or as a list (Ctrl+G)</source>
        <translation>Afficher les annonces en grille de vignettes, ou en liste (Ctrl+G)</translation>
    </message>
    <message>
        <source>Ads as thumbnails</source>
        <translation>Annonces en vignettes</translation>
    </message>
    <message>
        <source>Arrow keys move from ad to ad; Ctrl+G shows the list</source>
        <translation>Les flèches passent d’une annonce à l’autre&#xa0;; Ctrl+G affiche la liste</translation>
    </message>
</context>
<context>
    <name>Recup::CloseAdDialog</name>
    <message>
        <source>Close the ad</source>
        <translation>Clôturer l’annonce</translation>
    </message>
    <message>
        <source>What became of “%1”? Closing takes the ad off the catalogue for good.</source>
        <translation>Qu’est devenu «&#xa0;%1&#xa0;»&#xa0;? La clôture retire définitivement l’annonce du catalogue.</translation>
    </message>
    <message>
        <source>Given to a service</source>
        <translation>Donné à un service</translation>
    </message>
    <message>
        <source>Thrown away</source>
        <translation>Jeté</translation>
    </message>
    <message>
        <source>No longer available</source>
        <translation>Plus disponible</translation>
    </message>
    <message>
        <source>Receiving service</source>
        <translation>Service bénéficiaire</translation>
    </message>
    <message>
        <source>Choose the service that received it…</source>
        <translation>Choisissez le service qui l’a reçu…</translation>
    </message>
    <message>
        <source>%1 — asked by %2</source>
        <translation>%1 — demandé par %2</translation>
    </message>
    <message>
        <source>The services that asked for the item come first.</source>
        <translation>Les services qui ont demandé l’objet sont en tête de liste.</translation>
    </message>
    <message>
        <source>Nobody asked through the app: pick the service from the list.</source>
        <translation>Personne ne l’a demandé par l’application&#xa0;: choisissez le service dans la liste.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>For example: collected by the library on Tuesday.</source>
        <translation>Par exemple&#xa0;: récupéré mardi par la médiathèque.</translation>
    </message>
    <message>
        <source>Exchanges are between services, for professional use only.</source>
        <translation>Les échanges se font entre services, pour un usage professionnel uniquement.</translation>
    </message>
    <message>
        <source>Say what became of the item.</source>
        <translation>Indiquez ce qu’est devenu l’objet.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
    <message>
        <source>Ask for a transport</source>
        <translation>Demander un transport</translation>
    </message>
    <message>
        <source>The logistics service moves the item to the receiving service; you are told when it is planned.</source>
        <translation>Le service logistique transporte l’objet jusqu’au service bénéficiaire&#xa0;; vous êtes prévenu quand il est planifié.</translation>
    </message>
    <message>
        <source>No&amp;te (optional)</source>
        <translation>&amp;Remarque (facultative)</translation>
    </message>
    <message>
        <source>Recei&amp;ving service</source>
        <translation>Service &amp;bénéficiaire</translation>
    </message>
</context>
<context>
    <name>Recup::ConnectionBanner</name>
    <message>
        <source>Connection to the server</source>
        <translation>Connexion au serveur</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Open forms keep what you typed; save them once the connection is back.</source>
        <translation>Les formulaires ouverts conservent votre saisie&#xa0;; enregistrez-les une fois la connexion rétablie.</translation>
    </message>
    <message>
        <source>Connection restored</source>
        <translation>Connexion rétablie</translation>
    </message>
    <message>
        <source>Connection to the server lost — reconnecting… (attempt %1)</source>
        <translation>Connexion au serveur perdue — reconnexion en cours… (tentative %1)</translation>
    </message>
    <message>
        <source>Connection to the server lost — reconnecting…</source>
        <translation>Connexion au serveur perdue — reconnexion en cours…</translation>
    </message>
</context>
<context>
    <name>Recup::ContactDialog</name>
    <message>
        <source>Contact the giver</source>
        <translation>Contacter la personne qui donne</translation>
    </message>
    <message>
        <source>« %1 »
Given by %2</source>
        <translation>«&#xa0;%1&#xa0;»
Proposé par %2</translation>
    </message>
    <message>
        <source>Your message goes by mail to the giver, with the moderators in copy. The answer comes straight to your mailbox (%1). Exchanges are between services, for professional use only.</source>
        <translation>Votre message part par courriel à la personne qui donne, avec copie aux modérateurs. La réponse arrivera directement dans votre messagerie (%1). Les échanges se font entre services, pour un usage exclusivement professionnel.</translation>
    </message>
    <message>
        <source>Service that would receive the items</source>
        <translation>Service qui recevrait le matériel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>For example: our service is looking for a cupboard for the archive room; we could collect it on Thursday morning.</source>
        <translation>Par exemple&#xa0;: notre service cherche une armoire pour la salle d’archives&#xa0;; nous pourrions passer la prendre jeudi matin.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
    <message>
        <source>Requesting service:</source>
        <translation>Service demandeur&#xa0;:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message&#xa0;:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Answer a wanted ad</source>
        <translation>Répondre à une recherche</translation>
    </message>
    <message>
        <source>« %1 »
Wanted by %2</source>
        <translation>«&#xa0;%1&#xa0;»
Recherché par %2</translation>
    </message>
    <message>
        <source>Your message goes by mail to the person looking for it, with the moderators in copy. The answer comes straight to your mailbox (%1). Exchanges are between services, for professional use only.</source>
        <translation>Votre message part par courriel à la personne qui cherche, avec les modérateurs en copie. La réponse arrive directement dans votre boîte aux lettres (%1). Les échanges se font entre services, pour un usage professionnel uniquement.</translation>
    </message>
    <message>
        <source>Service that would give the items</source>
        <translation>Service qui donnerait le matériel</translation>
    </message>
    <message>
        <source>For example: our service has two such cupboards in the basement of the town hall; you could collect them next week.</source>
        <translation>Par exemple&#xa0;: notre service a deux armoires de ce type au sous-sol de l’hôtel de ville&#xa0;; vous pourriez les récupérer la semaine prochaine.</translation>
    </message>
    <message>
        <source>Giving service:</source>
        <translation>Service qui donne&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Recup::FailedMailsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc&#xa0;: %1</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Server&apos;s answer</source>
        <translation>Réponse du serveur</translation>
    </message>
    <message>
        <source>Contact about an ad</source>
        <translation>Prise de contact sur une annonce</translation>
    </message>
    <message>
        <source>New ad to moderate</source>
        <translation>Nouvelle annonce à modérer</translation>
    </message>
    <message>
        <source>Ad approved</source>
        <translation>Annonce approuvée</translation>
    </message>
    <message>
        <source>Ad rejected</source>
        <translation>Annonce refusée</translation>
    </message>
    <message>
        <source>Expiry reminder</source>
        <translation>Rappel avant expiration</translation>
    </message>
    <message>
        <source>Ad matching a search</source>
        <translation>Annonce correspondant à une recherche</translation>
    </message>
    <message>
        <source>Pickup planned</source>
        <translation>Enlèvement planifié</translation>
    </message>
    <message>
        <source>Pickup done</source>
        <translation>Enlèvement effectué</translation>
    </message>
    <message>
        <source>Ad removed by a moderator</source>
        <translation>Annonce retirée par un modérateur</translation>
    </message>
</context>
<context>
    <name>Recup::FailedMailsPane</name>
    <message>
        <source>The mail server refused these mails for good. Correct the cause (an address, the mail settings), then send them again.</source>
        <translation>Le serveur de messagerie a définitivement refusé ces courriels. Corrigez la cause (une adresse, les réglages de messagerie), puis renvoyez-les.</translation>
    </message>
    <message>
        <source>The mail server&apos;s answer</source>
        <translation>Réponse du serveur de messagerie</translation>
    </message>
    <message>
        <source>Text of the mail</source>
        <translation>Texte du courriel</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Put the selected mails back in the queue: they are sent at once</source>
        <translation>Remettre les courriels sélectionnés dans la file d’attente&#xa0;: ils partent aussitôt</translation>
    </message>
    <message>
        <source>The mails not sent could not be read. %1</source>
        <translation>Impossible de lire les courriels non envoyés. %1</translation>
    </message>
    <message>
        <source>Select a mail to see it in full.</source>
        <translation>Sélectionnez un courriel pour le voir en entier.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc&#xa0;: %1</translation>
    </message>
    <message>
        <source>Why it is not sent</source>
        <translation>Pourquoi il ne part pas</translation>
    </message>
    <message>
        <source>%1, written on %2. Refused: it will never be sent.</source>
        <translation>%1, écrit le %2. Refusé&#xa0;: il ne sera jamais envoyé.</translation>
    </message>
    <message>
        <source>%1, written on %2. Attempts: %3.</source>
        <translation>%1, écrit le %2. Tentatives&#xa0;: %3.</translation>
    </message>
    <message>
        <source>The server gave no reason.</source>
        <translation>Le serveur n’a donné aucune raison.</translation>
    </message>
    <message>
        <source>The list of mails not sent could not be read.</source>
        <translation>Impossible de lire la liste des courriels non envoyés.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Nothing is waiting: every mail was sent or is on its way.</source>
        <translation>Rien n’est en attente&#xa0;: tous les courriels ont été envoyés ou sont en cours d’envoi.</translation>
    </message>
    <message>
        <source>The list shown may be out of date.</source>
        <translation>La liste affichée n’est peut-être plus à jour.</translation>
    </message>
    <message>
        <source>The newest mail is at the top. Select several with Ctrl or Shift to send them again together.</source>
        <translation>Le courriel le plus récent est en haut. Sélectionnez-en plusieurs avec Ctrl ou Maj pour les renvoyer ensemble.</translation>
    </message>
    <message>
        <source>The mails could not be queued again. %1</source>
        <translation>Impossible de remettre les courriels dans la file d’attente. %1</translation>
    </message>
    <message>
        <source>This mail had already been sent again by someone else.</source>
        <translation>Quelqu’un d’autre avait déjà renvoyé ce courriel.</translation>
    </message>
    <message>
        <source>These mails had already been sent again by someone else.</source>
        <translation>Quelqu’un d’autre avait déjà renvoyé ces courriels.</translation>
    </message>
    <message>
        <source>One mail is queued again; the others had already been sent again by someone else.</source>
        <translation>Un courriel est remis dans la file d’attente&#xa0;; quelqu’un d’autre avait déjà renvoyé les autres.</translation>
    </message>
    <message>
        <source>%1 mails are queued again; the others had already been sent again by someone else.</source>
        <translation>%1 courriels sont remis dans la file d’attente&#xa0;; quelqu’un d’autre avait déjà renvoyé les autres.</translation>
    </message>
    <message>
        <source>The mail is queued again: it is being sent.</source>
        <translation>Le courriel est remis dans la file d’attente&#xa0;: il part maintenant.</translation>
    </message>
    <message>
        <source>%1 mails are queued again: they are being sent.</source>
        <translation>%1 courriels sont remis dans la file d’attente&#xa0;: ils partent maintenant.</translation>
    </message>
    <message>
        <source>Mails not sent</source>
        <translation>Courriels non envoyés</translation>
    </message>
</context>
<context>
    <name>Recup::GivePartDialog</name>
    <message>
        <source>Give the part</source>
        <translation>Donner la partie</translation>
    </message>
    <message>
        <source>%1 of %2 go to %3: they count as exchanged with that service.</source>
        <translation>%1 de %2 pour %3&#xa0;: ils comptent comme échangés avec ce service.</translation>
    </message>
    <message>
        <source>Ask for a &amp;transport</source>
        <translation>Demander un &amp;transport</translation>
    </message>
    <message>
        <source>The logistics service carries the part to %1 (Alt+T)</source>
        <translation>Le service logistique transporte la partie vers %1 (Alt+T)</translation>
    </message>
    <message>
        <source>Ask for a transport</source>
        <translation>Demander un transport</translation>
    </message>
    <message>
        <source>The logistics service carries the part to the service it is given to</source>
        <translation>Le service logistique transporte la partie vers le service qui la reçoit</translation>
    </message>
    <message>
        <source>&amp;Give the part</source>
        <translation>&amp;Donner la partie</translation>
    </message>
    <message>
        <source>Give the part to its service (Alt+G)</source>
        <translation>Donner la partie à son service (Alt+D)</translation>
    </message>
</context>
<context>
    <name>Recup::HandOverDialog</name>
    <message>
        <source>Hand over the ads of %1</source>
        <translation>Confier les annonces de %1</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Confier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>%n open ad(s) of %1 will go to the agent you choose, who becomes their owner, with their service. Each ad&apos;s history keeps that it was handed over, and by whom.</source>
        <translation>
            <numerusform>%n annonce en cours de %1 ira à l’agent que vous choisissez, qui en devient le propriétaire, avec son service. L’historique de l’annonce garde qu’elle a été confiée, et par qui.</numerusform>
            <numerusform>%n annonces en cours de %1 iront à l’agent que vous choisissez, qui en devient le propriétaire, avec son service. L’historique de chaque annonce garde qu’elle a été confiée, et par qui.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) on the way to the general store stay(s) with %1 until delivered.</source>
        <translation>
            <numerusform>%n annonce en route vers le magasin général reste à %1 jusqu’à sa livraison.</numerusform>
            <numerusform>%n annonces en route vers le magasin général restent à %1 jusqu’à leur livraison.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hand them over to:</source>
        <translation>&amp;Les confier à&#xa0;:</translation>
    </message>
    <message>
        <source>Type a name or a service</source>
        <translation>Tapez un nom ou un service</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose the agent who takes the ads over.</source>
        <translation>Choisissez l’agent qui reprend les annonces.</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) of %1 will be handed over to %2.</source>
        <translation>
            <numerusform>%n annonce de %1 sera confiée à %2.</numerusform>
            <numerusform>%n annonces de %1 seront confiées à %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deactivate and hand over their ads</source>
        <translation>Désactiver et confier ses annonces</translation>
    </message>
    <message>
        <source>%1 is still active. Only the ads of an agent who has left are handed over: %1 will be deactivated first, and will no longer act in Collectiv&apos;Récup.</source>
        <translation>%1 est encore en poste. Seules les annonces d’un agent parti peuvent être confiées&#xa0;: le compte de %1 sera d’abord désactivé, et %1 n’agira plus dans Collectiv&apos;Récup.</translation>
    </message>
    <message numerus="yes">
        <source>%1 will be deactivated and their %n ad(s) handed over to %2.</source>
        <translation>
            <numerusform>Le compte de %1 sera désactivé et son annonce (%n) confiée à %2.</numerusform>
            <numerusform>Le compte de %1 sera désactivé et ses %n annonces confiées à %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recup::LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign in to Collectiv&apos;Récup</source>
        <translation>Connexion à Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Use the personal account that your IT department gave you.</source>
        <translation>Utilisez le compte personnel fourni par votre service informatique.</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Paramètres du serveur</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>For example: Agglomération</source>
        <translation>Par exemple&#xa0;: Agglomération</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nom du profil&#xa0;:</translation>
    </message>
    <message>
        <source>For example: db.agglo.local</source>
        <translation>Par exemple&#xa0;: db.agglo.local</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Default: 5432, or the port of the service.</source>
        <translation>Par défaut&#xa0;: 5432, ou le port du service.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>For example: recup</source>
        <translation>Par exemple&#xa0;: recup</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>Optional: a service of pg_service.conf</source>
        <translation>Facultatif&#xa0;: un service de pg_service.conf</translation>
    </message>
    <message>
        <source>A connection prepared by your IT department in pg_service.conf. What you type above overrides it.</source>
        <translation>Une connexion préparée par votre service informatique dans pg_service.conf. Les champs saisis ci-dessus sont prioritaires.</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Ser&amp;vice&#xa0;:</translation>
    </message>
    <message>
        <source>Encrypted, server identity checked (recommended)</source>
        <translation>Chiffrement avec vérification de l’identité du serveur (recommandé)</translation>
    </message>
    <message>
        <source>Encrypted, certificate authority checked</source>
        <translation>Chiffrement avec vérification de l’autorité de certification</translation>
    </message>
    <message>
        <source>Always encrypted</source>
        <translation>Chiffrement toujours exigé</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it</source>
        <translation>Chiffrement si le serveur le propose</translation>
    </message>
    <message>
        <source>Not encrypted (not recommended)</source>
        <translation>Aucun chiffrement (déconseillé)</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>Chi&amp;ffrement&#xa0;:</translation>
    </message>
    <message>
        <source>The file given by your IT department (.crt, .pem)</source>
        <translation>Le fichier fourni par votre service informatique (.crt, .pem)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Certificate &amp;authority:</source>
        <translation>Autorité de cer&amp;tification&#xa0;:</translation>
    </message>
    <message>
        <source>Single sign-on (Windows/Kerberos session)</source>
        <translation>Authentification unique (session Windows/Kerberos)</translation>
    </message>
    <message>
        <source>Your computer session proves who you are: no password is typed or sent. Your IT department tells you whether the server accepts it.</source>
        <translation>Votre session sur cet ordinateur atteste votre identité&#xa0;: aucun mot de passe n’est saisi ni transmis. Votre service informatique vous indiquera si le serveur accepte ce mode de connexion.</translation>
    </message>
    <message>
        <source>For example: jmoreau</source>
        <translation>Par exemple&#xa0;: jmoreau</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>&amp;Enregistrer le mot de passe sur cet ordinateur</translation>
    </message>
    <message>
        <source>Your computer session proves who you are: no password is needed.</source>
        <translation>Votre session sur cet ordinateur atteste votre identité&#xa0;: aucun mot de passe n’est nécessaire.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Nouveau profil…</translation>
    </message>
    <message>
        <source>Optional: your Windows login</source>
        <translation>Facultatif&#xa0;: votre identifiant Windows</translation>
    </message>
    <message>
        <source>Passwords and data travel readable by anyone on the network.</source>
        <translation>Les mots de passe et les données circulent en clair&#xa0;: toute personne sur le réseau peut les lire.</translation>
    </message>
    <message>
        <source>Checking whether this computer can keep passwords…</source>
        <translation>Vérification de la disponibilité du trousseau de mots de passe…</translation>
    </message>
    <message>
        <source>The password is kept in the password safe of your computer session, never in a file.</source>
        <translation>Le mot de passe est conservé dans le trousseau de mots de passe du système, lié à votre session, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Certificate authority of the server</source>
        <translation>Autorité de certification du serveur</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Enter the address of the server, or the name of a service prepared by your IT department.</source>
        <translation>Saisissez l’adresse du serveur, ou le nom d’un service pg_service.conf préparé par votre service informatique.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Saisissez votre identifiant.</translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be found.</source>
        <translation>Le fichier d’autorité de certification %1 est introuvable.</translation>
    </message>
    <message>
        <source>The connection attempt was cancelled.</source>
        <translation>La tentative de connexion a été annulée.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connecting to %1… (%2 s)</source>
        <translation>Connexion à %1… (%2&#xa0;s)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Recup::LogisticsWindow</name>
    <message>
        <source>Transports</source>
        <translation>Transports</translation>
    </message>
    <message>
        <source>The transports of exchanged items between services: plan them, then say when each is picked up and delivered.</source>
        <translation>Les transports des objets échangés entre services&#xa0;: planifiez-les, puis indiquez quand chacun est enlevé et livré.</translation>
    </message>
    <message>
        <source>%1 — logistics</source>
        <translation>%1 — logistique</translation>
    </message>
    <message>
        <source>Read the list again now (it is also read every minute)</source>
        <translation>Relire la liste maintenant (elle est aussi relue chaque minute)</translation>
    </message>
    <message>
        <source>Transports — Collectiv&apos;Récup</source>
        <translation>Transports — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Everything under way</source>
        <translation>Tout ce qui est en cours</translation>
    </message>
    <message>
        <source>Which transports</source>
        <translation>Quels transports</translation>
    </message>
    <message>
        <source>The transports due in one week, or every one not delivered nor cancelled yet, whatever its day</source>
        <translation>Les transports prévus dans la semaine, ou tous ceux qui ne sont encore ni livrés ni annulés, quel que soit leur jour</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Stat&amp;ut&#xa0;:</translation>
    </message>
    <message>
        <source>Departure site</source>
        <translation>Site de départ</translation>
    </message>
    <message>
        <source>&amp;Departure:</source>
        <translation>&amp;Départ&#xa0;:</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Semaine précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Semaine suivante (Alt+Droite)</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>Planifier…</translation>
    </message>
    <message>
        <source>Choose the day, the team and the stop order; both services are told by mail</source>
        <translation>Choisir le jour, l’équipe et l’ordre de passage&#xa0;; les deux services sont prévenus par courriel</translation>
    </message>
    <message>
        <source>Mark picked up</source>
        <translation>Marquer enlevé</translation>
    </message>
    <message>
        <source>Mark delivered</source>
        <translation>Marquer livré</translation>
    </message>
    <message>
        <source>The item is at the receiving service; both services are told by mail</source>
        <translation>L’objet est arrivé au service destinataire&#xa0;; les deux services sont prévenus par courriel</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Cancel the transport, saying why</source>
        <translation>Annuler le transport, en indiquant pourquoi</translation>
    </message>
    <message>
        <source>&amp;Transports</source>
        <translation>&amp;Transports</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Plan…</source>
        <translation>&amp;Planifier…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Mark picked &amp;up</source>
        <translation>Marquer &amp;enlevé</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Marquer &amp;livré</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Cancel the transport…</source>
        <translation>A&amp;nnuler le transport…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <translation>Semaine p&amp;récédente</translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation>Semaine sui&amp;vante</translation>
    </message>
    <message>
        <source>&amp;This week</source>
        <translation>&amp;Cette semaine</translation>
    </message>
    <message>
        <source>All departure sites</source>
        <translation>Tous les sites de départ</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <source>The transports could not be read. %1</source>
        <translation>Les transports n’ont pas pu être lus. %1</translation>
    </message>
    <message>
        <source>The transports could not be read.</source>
        <translation>Les transports n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>No transport matches these filters.</source>
        <translation>Aucun transport ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No transport under way: everything asked was delivered or cancelled.</source>
        <translation>Aucun transport en cours&#xa0;: tout ce qui a été demandé est livré ou annulé.</translation>
    </message>
    <message>
        <source>No transport this week.</source>
        <translation>Aucun transport cette semaine.</translation>
    </message>
    <message>
        <source>Transports: %1</source>
        <translation>Transports&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan again…</source>
        <translation>Replanifier…</translation>
    </message>
    <message>
        <source>The list shown may be out of date.</source>
        <translation>La liste affichée n’est peut-être plus à jour.</translation>
    </message>
    <message>
        <source>Select a transport to plan it or to say where it stands.</source>
        <translation>Sélectionnez un transport pour le planifier ou indiquer où il en est.</translation>
    </message>
    <message>
        <source>Transport planned; both services are told by mail.</source>
        <translation>Transport planifié&#xa0;; les deux services sont prévenus par courriel.</translation>
    </message>
    <message>
        <source>Transport marked picked up.</source>
        <translation>Transport marqué comme enlevé.</translation>
    </message>
    <message>
        <source>Transport delivered; both services are told by mail.</source>
        <translation>Transport livré&#xa0;; les deux services sont prévenus par courriel.</translation>
    </message>
    <message>
        <source>Cancel the transport</source>
        <translation>Annuler le transport</translation>
    </message>
    <message>
        <source>Why is the transport of %1 cancelled? Both services can read it.</source>
        <translation>Pourquoi le transport de %1 est-il annulé&#xa0;? Les deux services pourront le lire.</translation>
    </message>
    <message>
        <source>Transport cancelled.</source>
        <translation>Transport annulé.</translation>
    </message>
    <message>
        <source>Rows marked “overdue” were due on a past day.</source>
        <translation>Les lignes marquées «&#xa0;en retard&#xa0;» étaient prévues un jour déjà passé.</translation>
    </message>
    <message>
        <source>&amp;Ask for a transport…</source>
        <translation>De&amp;mander un transport…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Ask for a transport…</source>
        <translation>Demander un transport…</translation>
    </message>
    <message>
        <source>A transport for an item already given to a service</source>
        <translation>Un transport pour un objet déjà donné à un service</translation>
    </message>
    <message>
        <source>Transport of %1 asked: plan it when its day is known.</source>
        <translation>Transport de %1 demandé&#xa0;: planifiez-le quand son jour est connu.</translation>
    </message>
    <message>
        <source>Day&apos;s list…</source>
        <translation>Liste du jour…</translation>
    </message>
    <message>
        <source>Print the pickup list of a day, or save it as PDF (Ctrl+P)</source>
        <translation>Imprimer la liste des enlèvements d’un jour, ou l’enregistrer en PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Day&apos;s &amp;list…</source>
        <translation>Liste du &amp;jour…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>The day&apos;s stops could not be read. %1</source>
        <translation>Les arrêts du jour n’ont pas pu être lus. %1</translation>
    </message>
    <message>
        <source>Day&apos;s pickup list</source>
        <translation>Liste des enlèvements du jour</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour&#xa0;:</translation>
    </message>
    <message>
        <source>The stops planned that day, by departure site, team and stop order, with the contacts and two boxes to sign: A4, in French.</source>
        <translation>Les arrêts prévus ce jour-là, par site de départ, équipe et ordre de passage, avec les contacts et deux cases à signer&#xa0;: A4, en français.</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Imp&amp;rimer…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Aperçu a&amp;vant impression…</translation>
    </message>
    <message>
        <source>No stop is planned on %1: there is no list to print.</source>
        <translation>Aucun arrêt n’est prévu le %1&#xa0;: il n’y a pas de liste à imprimer.</translation>
    </message>
    <message>
        <source>The list could not be printed on %1.</source>
        <translation>La liste n’a pas pu être imprimée sur %1.</translation>
    </message>
    <message numerus="yes">
        <source>The list of %n stop(s) went to the printer.</source>
        <translation>
            <numerusform>La liste de %n arrêt est partie à l’imprimante.</numerusform>
            <numerusform>La liste de %n arrêts est partie à l’imprimante.</numerusform>
        </translation>
    </message>
    <message>
        <source>pickups-%1.pdf</source>
        <translation>enlevements-%1.pdf</translation>
    </message>
    <message>
        <source>Save the day&apos;s list as PDF</source>
        <translation>Enregistrer la liste du jour en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The list could not be saved. %1</source>
        <translation>La liste n’a pas pu être enregistrée. %1</translation>
    </message>
    <message numerus="yes">
        <source>The list of %n stop(s) is saved in %1.</source>
        <translation>
            <numerusform>La liste de %n arrêt est enregistrée dans %1.</numerusform>
            <numerusform>La liste de %n arrêts est enregistrée dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected transport</source>
        <translation>Transport sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>Transports: %1, %n overdue</source>
        <translation>
            <numerusform>Transports&#xa0;: %1, dont %n en retard</numerusform>
            <numerusform>Transports&#xa0;: %1, dont %n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the transport</source>
        <translation>Garder le transport</translation>
    </message>
</context>
<context>
    <name>Recup::MailSettingsDialog</name>
    <message>
        <source>Sending mails</source>
        <translation>Envoi des courriels</translation>
    </message>
    <message>
        <source>How the mails of Collectiv&apos;Récup (contacts, moderation, reminders, pickups) leave this workstation, and whom they come from.</source>
        <translation>Comment les courriels de Collectiv&apos;Récup (prises de contact, modération, rappels, enlèvements) quittent ce poste, et au nom de qui ils sont envoyés.</translation>
    </message>
    <message>
        <source>Not from this workstation: the mails wait for the relay</source>
        <translation>Pas depuis ce poste&#xa0;: les courriels attendent le relais</translation>
    </message>
    <message>
        <source>Through an SMTP server</source>
        <translation>Par un serveur SMTP</translation>
    </message>
    <message>
        <source>Into a folder of .eml files</source>
        <translation>Dans un dossier de fichiers .eml</translation>
    </message>
    <message>
        <source>&amp;Send the mails:</source>
        <translation>&amp;Envoi des courriels&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <source>For example: smtp.agglo.local</source>
        <translation>Par exemple&#xa0;: smtp.agglo.local</translation>
    </message>
    <message>
        <source>587 for STARTTLS, 465 for TLS, 25 without encryption, unless your IT department says otherwise.</source>
        <translation>587 pour STARTTLS, 465 pour TLS, 25 sans chiffrement, sauf indication contraire de votre service informatique.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;veur&#xa0;:</translation>
    </message>
    <message>
        <source>None: not encrypted</source>
        <translation>Aucun&#xa0;: pas de chiffrement</translation>
    </message>
    <message>
        <source>STARTTLS (recommended)</source>
        <translation>STARTTLS (recommandé)</translation>
    </message>
    <message>
        <source>TLS from the first byte (SMTPS)</source>
        <translation>TLS dès la connexion (SMTPS)</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>Chi&amp;ffrement&#xa0;:</translation>
    </message>
    <message>
        <source>Optional: the file given by your IT department (.crt, .pem)</source>
        <translation>Facultatif&#xa0;: le fichier fourni par votre service informatique (.crt, .pem)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>Certificate &amp;authority:</source>
        <translation>Autorité de cer&amp;tification&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Ignore certificate errors</source>
        <translation>&amp;Ignorer les erreurs de certificat</translation>
    </message>
    <message>
        <source>Warning: without checking the certificate, anyone between this computer and the server can read the mails and the password, or pose as the server. Give the certificate authority file instead whenever you can.</source>
        <translation>Attention&#xa0;: sans vérification du certificat, toute personne placée entre cet ordinateur et le serveur peut lire les courriels et le mot de passe, ou se faire passer pour le serveur. Indiquez plutôt le fichier de l’autorité de certification dès que possible.</translation>
    </message>
    <message>
        <source>Empty: the server asks for no login</source>
        <translation>Vide&#xa0;: le serveur ne demande pas d’identification</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Identifi&amp;ant&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system&apos;s password safe</source>
        <translation>&amp;Retenir le mot de passe dans le coffre-fort de mots de passe du système</translation>
    </message>
    <message>
        <source>Folder of mail files</source>
        <translation>Dossier des fichiers de courriels</translation>
    </message>
    <message>
        <source>The full path of a folder, for example: %1</source>
        <translation>Le chemin complet d’un dossier, par exemple&#xa0;: %1</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Sender and moderators</source>
        <translation>Expéditeur et modérateurs</translation>
    </message>
    <message>
        <source>For example: collectiv-recup@agglo.fr</source>
        <translation>Par exemple&#xa0;: collectiv-recup@agglo.fr</translation>
    </message>
    <message>
        <source>Sender a&amp;ddress:</source>
        <translation>Adresse de l’e&amp;xpéditeur&#xa0;:</translation>
    </message>
    <message>
        <source>For example: Collectiv&apos;Récup</source>
        <translation>Par exemple&#xa0;: Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>&amp;Nom de l’expéditeur&#xa0;:</translation>
    </message>
    <message>
        <source>Empty: the moderators&apos; own addresses</source>
        <translation>Vide&#xa0;: l’adresse de chaque modérateur</translation>
    </message>
    <message>
        <source>A shared mailbox that receives the mails meant for the moderators. Leave it empty to write to each active moderator.</source>
        <translation>Une boîte aux lettres partagée qui reçoit les courriels destinés aux modérateurs. Laissez vide pour écrire à chaque modérateur en activité.</translation>
    </message>
    <message>
        <source>&amp;Moderators&apos; address:</source>
        <translation>Adresse de&amp;s modérateurs&#xa0;:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Essai</translation>
    </message>
    <message>
        <source>For example: your own address</source>
        <translation>Par exemple&#xa0;: votre propre adresse</translation>
    </message>
    <message>
        <source>Send a &amp;test mail</source>
        <translation>Envoyer un &amp;courriel d’essai</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Annu&amp;ler l’essai</translation>
    </message>
    <message>
        <source>Send it t&amp;o:</source>
        <translation>Envo&amp;yer à&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing is sent from this workstation: the mails wait in the outbox until the relay of your IT department sends them.</source>
        <translation>Ce poste n’envoie rien&#xa0;: les courriels attendent dans la file d’envoi jusqu’à ce que le relais de votre service informatique les envoie.</translation>
    </message>
    <message>
        <source>This workstation sends the mails itself through the SMTP server of your organisation.</source>
        <translation>Ce poste envoie lui-même les courriels par le serveur SMTP de votre collectivité.</translation>
    </message>
    <message>
        <source>The mails are written as .eml files into a folder, where any mail program opens them: nothing leaves the computer (demonstration, tests).</source>
        <translation>Les courriels sont enregistrés en fichiers .eml dans un dossier, où tout logiciel de messagerie peut les ouvrir&#xa0;: rien ne quitte l’ordinateur (démonstration, essais).</translation>
    </message>
    <message>
        <source>Nothing is sent from this workstation: choose an SMTP server or a folder to send a test mail.</source>
        <translation>Ce poste n’envoie rien&#xa0;: choisissez un serveur SMTP ou un dossier pour envoyer un courriel d’essai.</translation>
    </message>
    <message>
        <source>The mails and the password travel readable by anyone on the network.</source>
        <translation>Les courriels et le mot de passe circulent en clair&#xa0;: toute personne sur le réseau peut les lire.</translation>
    </message>
    <message>
        <source>Checking whether this computer can keep passwords…</source>
        <translation>Vérification de la disponibilité du coffre-fort de mots de passe du système…</translation>
    </message>
    <message>
        <source>The password is kept in the password safe of your computer session, never in a file.</source>
        <translation>Le mot de passe est conservé dans le coffre-fort de mots de passe du système, lié à votre session, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>No password safe on this computer: the password is kept only until the application closes, never in a file.</source>
        <translation>Pas de coffre-fort de mots de passe sur cet ordinateur&#xa0;: le mot de passe n’est conservé que jusqu’à la fermeture de l’application, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Certificate authority of the mail server</source>
        <translation>Autorité de certification du serveur de messagerie</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be found.</source>
        <translation>Le fichier d’autorité de certification %1 est introuvable.</translation>
    </message>
    <message>
        <source>Give the address the test mail goes to.</source>
        <translation>Indiquez l’adresse à laquelle envoyer le courriel d’essai.</translation>
    </message>
    <message>
        <source>The test mail was not sent: correct the fields that say what is wrong, then try again.</source>
        <translation>Le courriel d’essai n’a pas été envoyé&#xa0;: corrigez les champs signalés, puis réessayez.</translation>
    </message>
    <message>
        <source>The test was stopped before %1 answered.</source>
        <translation>L’essai a été arrêté avant la réponse de %1.</translation>
    </message>
    <message>
        <source>Sending the test mail to %1 through %2…</source>
        <translation>Envoi du courriel d’essai à %1 par %2…</translation>
    </message>
    <message>
        <source>Sending the test mail to %1 through %2… (%3 s)</source>
        <translation>Envoi du courriel d’essai à %1 par %2… (%3&#xa0;s)</translation>
    </message>
    <message>
        <source>The server answered: %1</source>
        <translation>Réponse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The test mail to %1 was written into the folder: open it with a mail program to check it.</source>
        <translation>Le courriel d’essai pour %1 a été enregistré dans le dossier&#xa0;: ouvrez-le avec un logiciel de messagerie pour le vérifier.</translation>
    </message>
    <message>
        <source>The server accepted the test mail to %1: check that it arrives in that mailbox.</source>
        <translation>Le serveur a accepté le courriel d’essai pour %1&#xa0;: vérifiez qu’il arrive bien dans cette boîte aux lettres.</translation>
    </message>
    <message>
        <source>Tried: %1 to %2.</source>
        <translation>Essai&#xa0;: %1 vers %2.</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields that say what is wrong.</source>
        <translation>Rien n’a été enregistré&#xa0;: corrigez les champs signalés.</translation>
    </message>
    <message>
        <source>On this server, the database names who every mail comes from and the moderators&apos; address (your IT department sets them with collectiv-recup-admin mail-policy). The fields above only sign the test mail.</source>
        <translation>Sur ce serveur, c’est la base de données qui désigne l’expéditeur de tous les courriels et l’adresse des modérateurs (votre service informatique les règle avec collectiv-recup-admin mail-policy). Les champs ci-dessus ne servent qu’à signer le courriel d’essai.</translation>
    </message>
</context>
<context>
    <name>Recup::MessageBar</name>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
</context>
<context>
    <name>Recup::ModerationDetailPane</name>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>Valeur estimée</translation>
    </message>
    <message>
        <source>Estimated weight</source>
        <translation>Poids estimé</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>Déposée par</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Select an ad in the queue to see it in full.</source>
        <translation>Sélectionnez une annonce dans la file d’attente pour l’afficher en détail.</translation>
    </message>
    <message>
        <source>This ad cannot be shown. %1</source>
        <translation>Cette annonce ne peut pas être affichée. %1</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>Photo %1 sur %2</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Salle&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>depuis le %1</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(aucune description)</translation>
    </message>
    <message>
        <source>No photo: ask the poster for one if the item is unclear.</source>
        <translation>Aucune photo&#xa0;: demandez-en une à l’auteur de l’annonce si l’objet n’est pas clairement identifiable.</translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>Cette photo ne peut pas être affichée.</translation>
    </message>
    <message>
        <source>The poster&apos;s other ads</source>
        <translation>Les autres annonces de l’auteur</translation>
    </message>
    <message>
        <source>None: this is their first ad.</source>
        <translation>Aucune&#xa0;: c’est sa première annonce.</translation>
    </message>
    <message numerus="yes">
        <source>%n in the catalogue</source>
        <translation>
            <numerusform>%n dans le catalogue</numerusform>
            <numerusform>%n dans le catalogue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n given to another service</source>
        <translation>
            <numerusform>%n donnée à un autre service</numerusform>
            <numerusform>%n données à d’autres services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thrown away</source>
        <translation>
            <numerusform>%n jetée</numerusform>
            <numerusform>%n jetées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer available</source>
        <translation>
            <numerusform>%n plus disponible</numerusform>
            <numerusform>%n plus disponibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed by a moderator</source>
        <translation>
            <numerusform>%n retirée par un modérateur</numerusform>
            <numerusform>%n retirées par un modérateur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other ad(s)</source>
        <translation>
            <numerusform>%n autre annonce</numerusform>
            <numerusform>%n autres annonces</numerusform>
        </translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n rejection(s) so far</source>
        <translation>
            <numerusform>%n refus jusqu’ici</numerusform>
            <numerusform>%n refus jusqu’ici</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1 — %2 (%3)</source>
        <translation>• %1 — %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Recup::ModerationQueueModel</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Sent to moderation on %1</source>
        <translation>Soumise à la modération le %1</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Aucune photo</translation>
    </message>
    <message>
        <source>Photo of the item</source>
        <translation>Photo de l’objet</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>Déposée par</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>for %n minute(s)</source>
        <translation>
            <numerusform>depuis %n minute</numerusform>
            <numerusform>depuis %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n hour(s)</source>
        <translation>
            <numerusform>depuis %n heure</numerusform>
            <numerusform>depuis %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n day(s)</source>
        <translation>
            <numerusform>depuis %n jour</numerusform>
            <numerusform>depuis %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 is looking at it</source>
        <translation>%1
%2 la regarde</translation>
    </message>
</context>
<context>
    <name>Recup::ModerationQueueWindow</name>
    <message>
        <source>Moderation — Collectiv&apos;Récup</source>
        <translation>Modération — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;File d’attente</translation>
    </message>
    <message>
        <source>&amp;Refresh the queue</source>
        <translation>&amp;Actualiser la file d’attente</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Moderation queue</source>
        <translation>File d’attente de modération</translation>
    </message>
    <message>
        <source>Check each ad before agents see it: approve it, or reject it with a reason the poster will read.</source>
        <translation>Vérifiez chaque annonce avant qu’elle soit visible par les agents&#xa0;: approuvez-la, ou refusez-la en indiquant un motif que son auteur lira.</translation>
    </message>
    <message>
        <source>Read the queue again now (it is also read every minute)</source>
        <translation>Relire la file d’attente maintenant (elle est aussi relue automatiquement chaque minute)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Publish the ad: every agent can see it</source>
        <translation>Publier l’annonce&#xa0;: tous les agents pourront la voir</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Refuser…</translation>
    </message>
    <message>
        <source>Send the ad back to its poster with a reason</source>
        <translation>Renvoyer l’annonce à son auteur en indiquant un motif</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Correct the ad yourself (a typo, the category, the weight)</source>
        <translation>Corriger vous-même l’annonce (une faute de frappe, la catégorie, le poids)</translation>
    </message>
    <message>
        <source>Close the ad for good, with a reason</source>
        <translation>Clôturer définitivement l’annonce, en indiquant un motif</translation>
    </message>
    <message>
        <source>The moderation queue could not be read. %1</source>
        <translation>La file d’attente de modération n’a pas pu être lue. %1</translation>
    </message>
    <message>
        <source>No ad is waiting for moderation. New ads appear here on their own: the queue is read again every minute.</source>
        <translation>Aucune annonce n’est en attente de modération. Les nouvelles annonces apparaissent ici automatiquement&#xa0;: la file d’attente est relue chaque minute.</translation>
    </message>
    <message>
        <source>Select an ad in the queue to see it in full.</source>
        <translation>Sélectionnez une annonce dans la file d’attente pour l’afficher en détail.</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>an agent who has left</source>
        <translation>un ancien agent</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) waiting</source>
        <translation>
            <numerusform>%n annonce en attente</numerusform>
            <numerusform>%n annonces en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue shown may be out of date.</source>
        <translation>La file d’attente affichée n’est peut-être pas à jour.</translation>
    </message>
    <message>
        <source>The %1 ads waiting longest are shown out of %2: decide on them to see the others.</source>
        <translation>Seules les %1 annonces en attente depuis le plus longtemps sont affichées (sur %2)&#xa0;: traitez-les pour voir les suivantes.</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>Aucune annonce en attente.</translation>
    </message>
    <message>
        <source>The ad waiting longest is at the top.</source>
        <translation>L’annonce en attente depuis le plus longtemps est en haut de la liste.</translation>
    </message>
    <message>
        <source>Reject the ad</source>
        <translation>Refuser l’annonce</translation>
    </message>
    <message>
        <source>Why is %1 rejected? %2 will read your reason and can correct the ad before sending it again.</source>
        <translation>Pourquoi refusez-vous l’annonce %1&#xa0;? %2 lira votre motif et pourra corriger l’annonce avant de la soumettre à nouveau.</translation>
    </message>
    <message>
        <source>Remove the ad</source>
        <translation>Retirer l’annonce</translation>
    </message>
    <message>
        <source>Why is %1 removed? The ad is closed for good; %2 will read your reason.</source>
        <translation>Pourquoi retirez-vous l’annonce %1&#xa0;? Elle sera clôturée définitivement&#xa0;; %2 lira votre motif.</translation>
    </message>
    <message>
        <source>Your changes to %1 are saved.</source>
        <translation>Vos modifications de l’annonce %1 sont enregistrées.</translation>
    </message>
    <message>
        <source>%1 is published: every agent can see it now.</source>
        <translation>L’annonce %1 est publiée&#xa0;: tous les agents peuvent maintenant la voir.</translation>
    </message>
    <message>
        <source>%1 is rejected; %2 can correct it and send it again.</source>
        <translation>L’annonce %1 est refusée&#xa0;; %2 peut la corriger et la soumettre à nouveau.</translation>
    </message>
    <message>
        <source>%1 is removed.</source>
        <translation>L’annonce %1 est retirée.</translation>
    </message>
    <message>
        <source>%1 is saved.</source>
        <translation>L’annonce %1 est enregistrée.</translation>
    </message>
    <message>
        <source>Your decision on %1 was not recorded. %2</source>
        <translation>Votre décision sur l’annonce %1 n’a pas été enregistrée. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an ad&apos;s title, then what became of it</comment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Lecture de la file…</translation>
    </message>
    <message>
        <source>To &amp;moderate</source>
        <translation>À &amp;modérer</translation>
    </message>
    <message>
        <source>&amp;Online ads</source>
        <translation>Annonces en &amp;ligne</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Online ads (%1, %n long reservation(s))</source>
        <translation>
            <numerusform>Annonces en &amp;ligne (%1, %n réservation ancienne)</numerusform>
            <numerusform>Annonces en &amp;ligne (%1, %n réservations anciennes)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Online ads (%1)</source>
        <translation>Annonces en &amp;ligne (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a button, then its key</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>A</source>
        <comment>key: approve</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>R</source>
        <comment>key: reject</comment>
        <translation>R</translation>
    </message>
    <message>
        <source>E</source>
        <comment>key: edit</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>N</source>
        <comment>key: next ad</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Leave this ad to another moderator and look at the next</source>
        <translation>Laisser cette annonce à un autre modérateur et passer à la suivante</translation>
    </message>
    <message>
        <source>%1 has left the queue: another moderator has just dealt with it. Pick the next ad in the list.</source>
        <translation>%1 a quitté la file&#xa0;: un autre modérateur vient de s’en occuper. Choisissez l’annonce suivante dans la liste.</translation>
    </message>
    <message>
        <source>%1 suggests %2, which the platform does not take: %3</source>
        <comment>the words found, the excluded category, its message</comment>
        <translation>%1 évoque la catégorie %2, que la plateforme ne prend pas&#xa0;: %3</translation>
    </message>
    <message>
        <source>Mails &amp;not sent (%1)</source>
        <translation>Courriels &amp;non envoyés (%1)</translation>
    </message>
    <message>
        <source>Mails &amp;not sent</source>
        <translation>Courriels &amp;non envoyés</translation>
    </message>
    <message>
        <source>%1 is looking at this ad: you may leave it to them.</source>
        <translation>%1 regarde cette annonce&#xa0;: vous pouvez la lui laisser.</translation>
    </message>
    <message>
        <source>Ads awaiting moderation</source>
        <translation>Annonces en attente de modération</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
</context>
<context>
    <name>Recup::MyAdsModel</name>
    <message>
        <source>The moderator&apos;s reason: %1</source>
        <translation>Motif du modérateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nobody has asked for it yet</source>
        <translation>Personne ne l’a encore demandé</translation>
    </message>
    <message numerus="yes">
        <source>%n contact request(s)</source>
        <translation>
            <numerusform>%n demande de contact</numerusform>
            <numerusform>%n demandes de contact</numerusform>
        </translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Closed — given to another service</source>
        <translation>Clôturée — donné à un service</translation>
    </message>
    <message>
        <source>Closed — given to %1</source>
        <translation>Clôturée — donné à %1</translation>
    </message>
    <message>
        <source>Closed — thrown away</source>
        <translation>Clôturée — jeté</translation>
    </message>
    <message>
        <source>Closed — no longer available</source>
        <translation>Clôturée — plus disponible</translation>
    </message>
    <message>
        <source>Closed — removed by a moderator</source>
        <translation>Clôturée — retirée par un modérateur</translation>
    </message>
    <message>
        <source>Created on %1</source>
        <translation>Créée le %1</translation>
    </message>
    <message>
        <source>Sent on %1</source>
        <translation>Envoyée le %1</translation>
    </message>
    <message>
        <source>Rejected on %1</source>
        <translation>Refusée le %1</translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation>Publiée le %1</translation>
    </message>
    <message>
        <source>Published on %1, until %2</source>
        <translation>Publiée le %1, jusqu’au %2</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Expirée le %1</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Clôturée le %1</translation>
    </message>
    <message>
        <source>%1 — transport requested for %2</source>
        <translation>%1 — transport demandé pour le %2</translation>
    </message>
    <message>
        <source>%1 — transport planned on %2</source>
        <translation>%1 — transport prévu le %2</translation>
    </message>
    <message>
        <source>%1 — picked up, on its way</source>
        <translation>%1 — enlevé, en route</translation>
    </message>
    <message>
        <source>%1 — delivered</source>
        <translation>%1 — livré</translation>
    </message>
    <message>
        <source>%1 — transport cancelled</source>
        <translation>%1 — transport annulé</translation>
    </message>
</context>
<context>
    <name>Recup::MyAdsWindow</name>
    <message>
        <source>My ads — Collectiv&apos;Récup</source>
        <translation>Mes annonces — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>You have not posted any ad yet. To give away an item your service no longer needs, use “Post an ad” at the top of the catalogue: a moderator reads it, then every agent can see it.</source>
        <translation>Vous n’avez encore déposé aucune annonce. Pour donner un objet dont votre service n’a plus besoin, utilisez «&#xa0;Déposer une annonce&#xa0;» en haut du catalogue&#xa0;: un modérateur la relit, puis tous les agents peuvent la voir.</translation>
    </message>
    <message>
        <source>&amp;My ads</source>
        <translation>&amp;Mes annonces</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close the window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>My ads</source>
        <translation>Mes annonces</translation>
    </message>
    <message>
        <source>Follow the moderation of your ads, see who asked for your items, and close each ad with what became of it.</source>
        <translation>Suivez la modération de vos annonces, voyez qui a demandé vos objets, et clôturez chaque annonce en indiquant ce qu’est devenu l’objet.</translation>
    </message>
    <message>
        <source>All my ads</source>
        <translation>Toutes mes annonces</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturées</translation>
    </message>
    <message>
        <source>Read your ads again (a moderator may have decided)</source>
        <translation>Relire vos annonces (un modérateur a peut-être décidé)</translation>
    </message>
    <message>
        <source>Only you and the moderators see the value.</source>
        <translation>Seuls vous et les modérateurs voyez la valeur.</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>Valeur estimée</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Devenir de l’objet</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Change the ad (a published ad whose title, text, category or photos change goes back to moderation)</source>
        <translation>Modifier l’annonce (une annonce publiée dont le titre, le texte, la catégorie ou les photos changent repasse en modération)</translation>
    </message>
    <message>
        <source>A moderator checks the ad, then it is published</source>
        <translation>Un modérateur vérifie l’annonce, puis elle est publiée</translation>
    </message>
    <message>
        <source>Send the ad to moderation again as it is</source>
        <translation>Renvoyer l’annonce en modération telle quelle</translation>
    </message>
    <message>
        <source>The reservation fell through: the item is available again</source>
        <translation>La réservation n’a pas abouti&#xa0;: l’objet est de nouveau disponible</translation>
    </message>
    <message>
        <source>Put the expired ad back in the catalogue, after a moderator&apos;s check</source>
        <translation>Remettre l’annonce expirée au catalogue, après vérification par un modérateur</translation>
    </message>
    <message>
        <source>Say what became of the item: given to a service, thrown away or no longer available</source>
        <translation>Indiquer ce qu’est devenu l’objet&#xa0;: donné à un service, jeté ou plus disponible</translation>
    </message>
    <message>
        <source>Your ads could not be read. %1</source>
        <translation>Vos annonces n’ont pas pu être lues. %1</translation>
    </message>
    <message>
        <source>No ad in this view: choose “All my ads” to see the others.</source>
        <translation>Aucune annonce dans cette vue&#xa0;: choisissez «&#xa0;Toutes mes annonces&#xa0;» pour voir les autres.</translation>
    </message>
    <message>
        <source>Select an ad to see it in detail.</source>
        <translation>Sélectionnez une annonce pour la voir en détail.</translation>
    </message>
    <message>
        <source>This ad could not be read. %1</source>
        <translation>Cette annonce n’a pas pu être lue. %1</translation>
    </message>
    <message>
        <source>The contact requests could not be read. %1</source>
        <translation>Les demandes de contact n’ont pas pu être lues. %1</translation>
    </message>
    <message>
        <source>A moderator rejected this ad.</source>
        <translation>Un modérateur a refusé cette annonce.</translation>
    </message>
    <message>
        <source>The moderator&apos;s reason: %1</source>
        <translation>Motif du modérateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Only you can see this draft. Send it to moderation when it is ready.</source>
        <translation>Vous seul voyez ce brouillon. Envoyez-le en modération quand il est prêt.</translation>
    </message>
    <message>
        <source>A moderator checks the ad before it is published; you will get a mail.</source>
        <translation>Un modérateur vérifie l’annonce avant sa publication&#xa0;; vous recevrez un courriel.</translation>
    </message>
    <message>
        <source>Every agent can see the ad. Once the item has found a taker, close the ad with what became of it.</source>
        <translation>Tous les agents voient l’annonce. Une fois l’objet parti, clôturez l’annonce en indiquant ce qu’il est devenu.</translation>
    </message>
    <message>
        <source>The ad shows the item as reserved. Release it if the exchange falls through, close it once the item is gone.</source>
        <translation>L’annonce montre l’objet comme réservé. Libérez-le si l’échange n’aboutit pas, clôturez l’annonce une fois l’objet parti.</translation>
    </message>
    <message>
        <source>Correct the ad with “Edit”, or send it to moderation again as it is.</source>
        <translation>Corrigez l’annonce avec «&#xa0;Modifier&#xa0;», ou renvoyez-la en modération telle quelle.</translation>
    </message>
    <message>
        <source>The ad is no longer in the catalogue. Renew it to publish it again after a moderator&apos;s check, or close it.</source>
        <translation>L’annonce n’est plus au catalogue. Renouvelez-la pour la republier après vérification par un modérateur, ou clôturez-la.</translation>
    </message>
    <message>
        <source>This ad is closed; it stays here for your records.</source>
        <translation>Cette annonce est clôturée&#xa0;; elle reste ici pour mémoire.</translation>
    </message>
    <message>
        <source>Not yet published</source>
        <translation>Pas encore publiée</translation>
    </message>
    <message>
        <source>Set when the ad is published</source>
        <translation>Fixée à la publication de l’annonce</translation>
    </message>
    <message>
        <source>Expired (was due on %1)</source>
        <translation>Expirée (échéance le %1)</translation>
    </message>
    <message>
        <source>%1, on %2</source>
        <translation>%1, le %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Agents can ask for the item once the ad is published.</source>
        <translation>Les agents pourront demander l’objet une fois l’annonce publiée.</translation>
    </message>
    <message>
        <source>Nobody has asked for this item yet.</source>
        <translation>Personne n’a encore demandé cet objet.</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) asked for this item</source>
        <translation>
            <numerusform>%n agent a demandé cet objet</numerusform>
            <numerusform>%n agents ont demandé cet objet</numerusform>
        </translation>
    </message>
    <message>
        <source>Your ads will appear here, with who asked for each item.</source>
        <translation>Vos annonces apparaîtront ici, avec les personnes qui ont demandé chaque objet.</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s)</source>
        <translation>
            <numerusform>%n annonce</numerusform>
            <numerusform>%n annonces</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is sent to moderation: a moderator checks it before it is published.</source>
        <translation>%1 est envoyée en modération&#xa0;: un modérateur la vérifie avant sa publication.</translation>
    </message>
    <message>
        <source>%1 is sent back to moderation: once approved, it is in the catalogue again.</source>
        <translation>%1 est renvoyée en modération&#xa0;: une fois approuvée, elle revient au catalogue.</translation>
    </message>
    <message>
        <source>%1 is reserved: the catalogue shows it as such.</source>
        <translation>%1 est réservée&#xa0;: le catalogue l’indique.</translation>
    </message>
    <message>
        <source>%1 is available again.</source>
        <translation>%1 est de nouveau disponible.</translation>
    </message>
    <message>
        <source>%1 is saved.</source>
        <translation>%1 est enregistrée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an ad&apos;s title, then what became of it</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing was changed on %1. %2</source>
        <translation>Rien n’a été modifié sur %1. %2</translation>
    </message>
    <message>
        <source>%1 is saved and sent to moderation: a moderator checks it before it is published.</source>
        <translation>%1 est enregistrée et envoyée en modération&#xa0;: un modérateur la vérifie avant sa publication.</translation>
    </message>
    <message>
        <source>Your changes to %1 are saved.</source>
        <translation>Vos modifications de %1 sont enregistrées.</translation>
    </message>
    <message>
        <source>This ad is no longer in your list.</source>
        <translation>Cette annonce n’est plus dans votre liste.</translation>
    </message>
    <message>
        <source>%1 What you typed is kept: check the ad, then close it again.</source>
        <translation>%1 Ce que vous avez saisi est conservé&#xa0;: vérifiez l’annonce, puis clôturez-la de nouveau.</translation>
    </message>
    <message>
        <source>%1 The ad can no longer be closed; what you typed is still here to copy.</source>
        <translation>%1 L’annonce ne peut plus être clôturée&#xa0;; ce que vous avez saisi reste ici, à copier.</translation>
    </message>
    <message>
        <source>%1 is closed. Thank you for giving it a second life.</source>
        <translation>%1 est clôturée. Merci de lui avoir donné une seconde vie.</translation>
    </message>
    <message>
        <source>Reading your ads…</source>
        <translation>Lecture de vos annonces…</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) in this view</source>
        <translation>
            <numerusform>%n annonce dans cette vue</numerusform>
            <numerusform>%n annonces dans cette vue</numerusform>
        </translation>
    </message>
    <message>
        <source>This ad could not be read again.</source>
        <translation>Cette annonce n’a pas pu être relue.</translation>
    </message>
    <message>
        <source>%1 is closed and its transport is asked: the logistics service will plan it and tell both services by mail.</source>
        <translation>%1 est clôturée et son transport est demandé&#xa0;: le service logistique le planifiera et préviendra les deux services par courriel.</translation>
    </message>
    <message>
        <source>Rather than throwing it away: the logistics service takes the item to the general store, which keeps it in the catalogue</source>
        <translation>Plutôt que de le jeter&#xa0;: le service logistique emporte l’objet au magasin général, qui le garde au catalogue</translation>
    </message>
    <message>
        <source>%1 will go to the general store: the logistics service plans the transport. Until it is delivered, the ad waits as it is.</source>
        <translation>%1 partira au magasin général&#xa0;: le service logistique planifie le transport. Jusqu’à la livraison, l’annonce reste en l’état.</translation>
    </message>
    <message>
        <source>A moderator handed this ad over to you on %1: it was %2&apos;s.</source>
        <translation>Un modérateur vous a confié cette annonce le %1&#xa0;: c’était celle de %2.</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>Sans valeur</translation>
    </message>
    <message>
        <source>Parts of the lot reserved for services</source>
        <translation>Parties du lot réservées pour des services</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>The service no longer takes it: back to the catalogue</source>
        <translation>Le service ne la prend plus&#xa0;: retour au catalogue</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Libérée</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <source>No part of this lot is reserved.</source>
        <translation>Aucune partie de ce lot n’est réservée.</translation>
    </message>
    <message>
        <source>Parts of the lot</source>
        <translation>Parties du lot</translation>
    </message>
    <message>
        <source>The part is released: it is back in the catalogue.</source>
        <translation>La partie est libérée&#xa0;: elle est de retour au catalogue.</translation>
    </message>
    <message>
        <source>The part is given: it counts as exchanged with its service.</source>
        <translation>La partie est donnée&#xa0;: elle compte comme échangée avec son service.</translation>
    </message>
    <message>
        <source>d MMM, h:mm AP</source>
        <translation>d MMM H&apos; h &apos;mm</translation>
    </message>
    <message>
        <source>d MMM yyyy, h:mm AP</source>
        <translation>d MMM yyyy H&apos; h &apos;mm</translation>
    </message>
    <message>
        <source>Your ads</source>
        <translation>Vos annonces</translation>
    </message>
    <message>
        <source>History of the ad</source>
        <translation>Historique de l’annonce</translation>
    </message>
    <message>
        <source>Every step of the ad, oldest first: when, who, what and why</source>
        <translation>Chaque étape de l’annonce, de la plus ancienne à la plus récente&#xa0;: quand, qui, quoi et pourquoi</translation>
    </message>
    <message>
        <source>&amp;Reserve…</source>
        <translation>&amp;Réserver…</translation>
    </message>
    <message>
        <source>Reserve the whole lot, or part of it, for a service (Alt+R)</source>
        <translation>Réserver tout le lot, ou une partie, pour un service (Alt+R)</translation>
    </message>
    <message>
        <source>Reserve for a service</source>
        <translation>Réserver pour un service</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Give the part…</source>
        <translation>&amp;Donner la partie…</translation>
    </message>
    <message>
        <source>The service takes its part, carried by the logistics service if you ask: counted as exchanged; the ad closes once the whole lot is given (Alt+G)</source>
        <translation>Le service prend sa partie, transportée par le service logistique si vous le demandez&#xa0;: elle compte comme échangée&#xa0;; l’annonce se clôt une fois tout le lot donné (Alt+D)</translation>
    </message>
    <message>
        <source>The part is given: it counts as exchanged with its service. The logistics service plans its transport.</source>
        <translation>La partie est donnée&#xa0;: elle compte comme échangée avec son service. Le service logistique planifie son transport.</translation>
    </message>
    <message>
        <source>Every unit of the lot is reserved for a service: the catalogue shows it as reserved. Give each part once it is taken, or release it if the service no longer wants it.</source>
        <translation>Tout le lot est réservé pour des services&#xa0;: le catalogue l’affiche comme réservé. Donnez chaque partie une fois emportée, ou libérez-la si le service n’en veut plus.</translation>
    </message>
    <message numerus="yes">
        <source>%1 partly reserved: %2 for %3; %n stay(s) in the catalogue.</source>
        <translation>
            <numerusform>Annonce %1 réservée en partie&#xa0;: %2 pour %3&#xa0;; %n reste au catalogue.</numerusform>
            <numerusform>Annonce %1 réservée en partie&#xa0;: %2 pour %3&#xa0;; %n restent au catalogue.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ad %1 is reserved in full for %2: it leaves the catalogue until you give or release the reservation.</source>
        <translation>L’annonce %1 est réservée en totalité pour %2&#xa0;: elle quitte le catalogue jusqu’à ce que vous donniez ou libériez la réservation.</translation>
    </message>
    <message numerus="yes">
        <source>The rest of %1 (%n) is reserved for %2: nothing of the lot is left in the catalogue.</source>
        <translation>
            <numerusform>Le reste de %1 (%n) est réservé pour %2&#xa0;: plus rien du lot ne reste au catalogue.</numerusform>
            <numerusform>Le reste de %1 (%n) est réservé pour %2&#xa0;: plus rien du lot ne reste au catalogue.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <source>Sen&amp;d to moderation</source>
        <translation>&amp;Envoyer en modération</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>Li&amp;bérer</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>Re&amp;nouveler</translation>
    </message>
    <message>
        <source>&amp;Close…</source>
        <translation>C&amp;lôturer…</translation>
    </message>
    <message>
        <source>To the s&amp;tore…</source>
        <translation>Au ma&amp;gasin…</translation>
    </message>
    <message>
        <source>Release the &amp;part</source>
        <translation>Libérer la &amp;partie</translation>
    </message>
</context>
<context>
    <name>Recup::MyDataExport</name>
    <message>
        <source>&amp;Export my data…</source>
        <translation>&amp;Exporter mes données…</translation>
    </message>
    <message>
        <source>Save your ads, their history, your requests and your wanted ads in one file (%1)</source>
        <translation>Enregistrer vos annonces, leur historique, vos demandes et vos recherches dans un fichier (%1)</translation>
    </message>
    <message>
        <source>my-collectiv-recup-data</source>
        <translation>mes-donnees-collectiv-recup</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>Exporter mes données</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>Fichier JSON (*.json)</translation>
    </message>
    <message>
        <source>Saving your data…</source>
        <translation>Enregistrement de vos données…</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Choisir un autre dossier…</translation>
    </message>
    <message>
        <source>Your data is saved in %1 (%2).</source>
        <translation>Vos données sont enregistrées dans %1 (%2).</translation>
    </message>
</context>
<context>
    <name>Recup::PasswordStore</name>
    <message>
        <source>No password safe on this computer: the password cannot be remembered and will be asked each time.</source>
        <translation>Aucun trousseau de mots de passe n’est disponible sur cet ordinateur&#xa0;: le mot de passe ne peut pas être enregistré et sera demandé à chaque connexion.</translation>
    </message>
</context>
<context>
    <name>Recup::PhotoView</name>
    <message>
        <source>Photo of the item</source>
        <translation>Photo de l’objet</translation>
    </message>
    <message>
        <source>Enter or Space shows the photos at full size</source>
        <translation>Entrée ou Espace affiche les photos en grand</translation>
    </message>
    <message>
        <source>Full size (Enter)</source>
        <translation>En grand (Entrée)</translation>
    </message>
    <message>
        <source>Show the photos at full size: Enter or Space on the photo</source>
        <translation>Afficher les photos en grand&#xa0;: Entrée ou Espace sur la photo</translation>
    </message>
    <message>
        <source>Show the photos at full size</source>
        <translation>Afficher les photos en grand</translation>
    </message>
</context>
<context>
    <name>Recup::PhotoViewerDialog</name>
    <message>
        <source>Photos — %1</source>
        <translation>Photos — %1</translation>
    </message>
    <message>
        <source>Photos of %1</source>
        <translation>Photos de %1</translation>
    </message>
    <message>
        <source>Left and Right: previous and next photo; + and -: zoom; 0: fit the window; Escape: close</source>
        <translation>Gauche et Droite&#xa0;: photo précédente et suivante&#xa0;; + et -&#xa0;: zoom&#xa0;; 0&#xa0;: ajuster à la fenêtre&#xa0;; Échap&#xa0;: fermer</translation>
    </message>
    <message>
        <source>Loading the photos…</source>
        <translation>Chargement des photos…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <source>Previous photo (Left)</source>
        <translation>Photo précédente (Gauche)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <source>Next photo (Right)</source>
        <translation>Photo suivante (Droite)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Agrandir (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Réduire (-)</translation>
    </message>
    <message>
        <source>Fit (0)</source>
        <translation>Ajuster (0)</translation>
    </message>
    <message>
        <source>Fit the photo to the window (0)</source>
        <translation>Ajuster la photo à la fenêtre (0)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close the photos (Escape)</source>
        <translation>Fermer les photos (Échap)</translation>
    </message>
    <message>
        <source>This ad has no photo.</source>
        <translation>Cette annonce n’a pas de photo.</translation>
    </message>
    <message>
        <source>The photos could not be loaded: %1</source>
        <translation>Les photos n’ont pas pu être chargées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>Photo %1 sur %2</translation>
    </message>
</context>
<context>
    <name>Recup::PickupFolderTransport</name>
    <message>
        <source>Cannot create the mail folder %1.</source>
        <translation>Impossible de créer le dossier de courriels %1.</translation>
    </message>
    <message>
        <source>Cannot write the mail file %1: %2</source>
        <translation>Impossible d’écrire le fichier de courriel %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The message was saved as %1.</source>
        <translation>Le message a été enregistré sous %1.</translation>
    </message>
</context>
<context>
    <name>Recup::PickupListModel</name>
    <message>
        <source>%1 — overdue</source>
        <comment>a transport&apos;s status</comment>
        <translation>%1 — en retard</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a site, then a building and room</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an item, then its category</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Overdue: this transport was due on %1 and is not done yet.</source>
        <translation>En retard&#xa0;: ce transport était prévu le %1 et n’est pas encore terminé.</translation>
    </message>
    <message>
        <source>Planned for this day (wished: %1)</source>
        <translation>Planifié ce jour-là (souhaité&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Wished for this day; not planned yet</source>
        <translation>Souhaité ce jour-là&#xa0;; pas encore planifié</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Given by %1 to %2</source>
        <translation>Donné par %1 à %2</translation>
    </message>
    <message>
        <source>Weight unknown</source>
        <translation>Poids inconnu</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n transport(s), %2</source>
        <comment>a day, how many, their weight</comment>
        <translation>
            <numerusform>%1&#xa0;: %n transport, %2</numerusform>
            <numerusform>%1&#xa0;: %n transports, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>From: %1</source>
        <comment>a transport&apos;s start</comment>
        <translation>Départ&#xa0;: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <comment>a transport&apos;s destination</comment>
        <translation>Arrivée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notes&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Recup::PlanDialog</name>
    <message>
        <source>Plan the transport</source>
        <translation>Planifier le transport</translation>
    </message>
    <message>
        <source>%1 — from %2 to %3</source>
        <translation>%1 — de %2 à %3</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour&#xa0;:</translation>
    </message>
    <message>
        <source>Team A, the small truck…</source>
        <translation>Équipe A, le petit camion…</translation>
    </message>
    <message>
        <source>&amp;Team or vehicle:</source>
        <translation>É&amp;quipe ou véhicule&#xa0;:</translation>
    </message>
    <message>
        <source>The stop&apos;s place in the team&apos;s round that day, from 1</source>
        <translation>La place de l’arrêt dans la tournée de l’équipe ce jour-là, à partir de 1</translation>
    </message>
    <message>
        <source>&amp;Stop order:</source>
        <translation>&amp;Ordre de passage&#xa0;:</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
</context>
<context>
    <name>Recup::ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>For example: the photo does not show the item; please add one taken on site.</source>
        <translation>Par exemple&#xa0;: la photo ne montre pas l’objet&#xa0;; merci d’en ajouter une prise sur place.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
    <message>
        <source>Usual reason</source>
        <translation>Motif type</translation>
    </message>
    <message>
        <source>Write my own reason</source>
        <translation>Écrire mon propre motif</translation>
    </message>
    <message>
        <source>&amp;Usual reason:</source>
        <translation>&amp;Motif type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Recup::ReasonTextDialog</name>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>Recup::ReferenceDataWindow</name>
    <message>
        <source>Seats</source>
        <translation>Sièges</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Desks</source>
        <translation>Bureaux</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Rangements</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Données de référence</translation>
    </message>
    <message>
        <source>The organisations, services, sites, categories and rejection reasons every window offers. Nothing is deleted: deactivate what is no longer used.</source>
        <translation>Les organisations, services, sites, catégories et motifs de rejet que proposent toutes les fenêtres. Rien n’est supprimé&#xa0;: désactivez ce qui ne sert plus.</translation>
    </message>
    <message>
        <source>Read the reference data again now</source>
        <translation>Relire les données de référence maintenant</translation>
    </message>
    <message>
        <source>Reference data — Collectiv&apos;Récup</source>
        <translation>Données de référence — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>&amp;Organisations</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>S&amp;ervices</source>
        <translation>S&amp;ervices</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>S&amp;ites</source>
        <translation>S&amp;ites</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>C&amp;ategories</source>
        <translation>C&amp;atégories</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Re&amp;jection reasons</source>
        <translation>Motifs de re&amp;jet</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Données</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Code *</source>
        <translation>&amp;Code *</translation>
    </message>
    <message>
        <source>An organisation is deactivated once none of its services and sites is active any more.</source>
        <translation>Une organisation ne se désactive qu’une fois tous ses services et sites désactivés.</translation>
    </message>
    <message>
        <source>A deactivated service is no longer offered as the receiver of an exchange; its agents and past exchanges keep it.</source>
        <translation>Un service désactivé n’est plus proposé comme bénéficiaire d’un échange&#xa0;; ses agents et les échanges passés le gardent.</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <source>A closed site is no longer offered for new ads nor transports; the ads already there keep it.</source>
        <translation>Un site fermé n’est plus proposé pour les nouvelles annonces ni les transports&#xa0;; les annonces qui s’y trouvent le gardent.</translation>
    </message>
    <message>
        <source>The family of the yearly reuse declaration (loi AGEC).</source>
        <translation>La famille de la déclaration annuelle de réemploi (loi AGEC).</translation>
    </message>
    <message>
        <source>Product &amp;family</source>
        <translation>&amp;Famille de produits</translation>
    </message>
    <message>
        <source>in kg, such as 7,5</source>
        <translation>en kg, par exemple 7,5</translation>
    </message>
    <message>
        <source>kg CO2e per kg; empty when unknown</source>
        <translation>kg CO2e par kg&#xa0;; vide si inconnu</translation>
    </message>
    <message>
        <source>ADEME Base Carbone, WRAP…</source>
        <translation>ADEME Base Carbone, WRAP…</translation>
    </message>
    <message>
        <source>Unit &amp;weight (kg)</source>
        <translation>&amp;Poids unitaire (kg)</translation>
    </message>
    <message>
        <source>Not accepted on the platform (excluded)</source>
        <translation>Non acceptée sur la plateforme (exclue)</translation>
    </message>
    <message>
        <source>ordinateur, écran, imprimante</source>
        <translation>ordinateur, écran, imprimante</translation>
    </message>
    <message>
        <source>Wa&amp;rning words</source>
        <translation>Mots d’a&amp;lerte</translation>
    </message>
    <message>
        <source>Separate the warning words with commas: an ad whose title or description holds one is flagged to the moderators.</source>
        <translation>Séparez les mots d’alerte par des virgules&#xa0;: une annonce dont le titre ou la description en contient un est signalée aux modérateurs.</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Titre *</translation>
    </message>
    <message>
        <source>Te&amp;xt *</source>
        <translation>Te&amp;xte *</translation>
    </message>
    <message>
        <source>The moderator picks a reason when rejecting an ad, then completes its text; the poster reads it.</source>
        <translation>Le modérateur choisit un motif en rejetant une annonce, puis en complète le texte&#xa0;; l’auteur de l’annonce le lit.</translation>
    </message>
    <message>
        <source>The reference data could not be read. %1</source>
        <translation>Les données de référence n’ont pas pu être lues. %1</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <source>Choose an organisation…</source>
        <translation>Choisissez une organisation…</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>What you typed is not saved. Drop it?</source>
        <translation>Ce que vous avez saisi n’est pas enregistré. L’abandonner&#xa0;?</translation>
    </message>
    <message>
        <source>Type the weight of one item in kilograms, such as 7,5.</source>
        <translation>Saisissez le poids d’un objet en kilogrammes, par exemple 7,5.</translation>
    </message>
    <message>
        <source>Type the kilograms of CO2e avoided per kilogram reused, such as 0,9.</source>
        <translation>Saisissez les kilogrammes de CO2e évités par kilogramme réemployé, par exemple 0,9.</translation>
    </message>
    <message>
        <source>Type a number of days, from 1 to %1.</source>
        <translation>Saisissez un nombre de jours, de 1 à %1.</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Nouveau service</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Nouveau site</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nouvelle catégorie</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>New rejection reason</source>
        <translation>Nouveau motif de rejet</translation>
    </message>
    <message>
        <source>Rejection reason</source>
        <translation>Motif de rejet</translation>
    </message>
    <message>
        <source>%1 — changes not saved</source>
        <translation>%1 — modifications non enregistrées</translation>
    </message>
    <message>
        <source>State: new, saved as active.</source>
        <translation>État&#xa0;: nouveau, enregistré comme actif.</translation>
    </message>
    <message>
        <source>State: active, offered in every window.</source>
        <translation>État&#xa0;: actif, proposé dans toutes les fenêtres.</translation>
    </message>
    <message>
        <source>State: inactive, no longer offered to the moderators.</source>
        <translation>État&#xa0;: inactif, plus proposé aux modérateurs.</translation>
    </message>
    <message>
        <source>State: inactive, no longer offered for new ads and exchanges; what already has it keeps it.</source>
        <translation>État&#xa0;: inactif, plus proposé pour les nouvelles annonces ni les échanges&#xa0;; ce qui l’utilise déjà le garde.</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Réactiver</translation>
    </message>
    <message>
        <source>%1 rows, %2 inactive</source>
        <translation>%1 lignes, dont %2 inactives</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>%1 is deactivated: it is no longer offered; what already has it keeps it.</source>
        <translation>Désactivation de %1 enregistrée&#xa0;: plus rien de nouveau ne s’y rattache&#xa0;; ce qui l’utilise déjà le garde.</translation>
    </message>
    <message>
        <source>%1 is active again.</source>
        <translation>Réactivation de %1 enregistrée.</translation>
    </message>
    <message>
        <source>%1 is saved; every window follows.</source>
        <translation>Enregistrement de %1 effectué&#xa0;; toutes les fenêtres suivent.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>Rien n’a été enregistré. %1</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Rien n’a été enregistré&#xa0;: corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Rien n’a été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deacti&amp;vate</source>
        <translation>Désacti&amp;ver</translation>
    </message>
    <message>
        <source>Na&amp;me *</source>
        <translation>No&amp;m *</translation>
    </message>
    <message>
        <source>Organi&amp;sation *</source>
        <translation>Organi&amp;sation *</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>Ad&amp;resse</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>Comm&amp;une</translation>
    </message>
    <message>
        <source>CO&amp;2e factor</source>
        <translation>Facteur CO&amp;2e (kg CO2e/kg)</translation>
    </message>
    <message>
        <source>Factor&apos;s &amp;source</source>
        <translation>&amp;Source du facteur</translation>
    </message>
    <message>
        <source>On&amp;line for (days) *</source>
        <translation>D&amp;urée en ligne (jours) *</translation>
    </message>
    <message>
        <source>Message when e&amp;xcluded</source>
        <translation>Messa&amp;ge si exclue</translation>
    </message>
    <message>
        <source>O&amp;rder in the list</source>
        <translation>O&amp;rdre dans la liste</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>Réacti&amp;ver</translation>
    </message>
</context>
<context>
    <name>Recup::ReferenceListModel</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Recup::Relay</name>
    <message>
        <source>Mail %1 %2 not sent: %3</source>
        <translation>Courriel %1 %2 non envoyé&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>mails sent, mails not sent</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) sent</source>
        <translation>
            <numerusform>%n courriel envoyé</numerusform>
            <numerusform>%n courriels envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n non envoyé</numerusform>
            <numerusform>%n non envoyés</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay cannot listen for new mails on the database server.</source>
        <translation>Le relais ne peut pas être averti des nouveaux courriels par le serveur de base de données.</translation>
    </message>
    <message>
        <source>%1 The relay keeps running: it reconnects as soon as the server answers, then sends what is due.</source>
        <translation>%1 Le relais continue&#xa0;: il se reconnecte dès que le serveur répond, puis envoie les courriels dus.</translation>
    </message>
    <message>
        <source>The database session is back: the relay sends what is due.</source>
        <translation>La session de base de données est rétablie&#xa0;: le relais envoie les courriels dus.</translation>
    </message>
    <message>
        <source>The relay cannot watch for signals.</source>
        <translation>Le relais ne peut pas surveiller les signaux.</translation>
    </message>
    <message>
        <source>Relay started: sending the outbox.</source>
        <translation>Relais démarré&#xa0;: envoi de la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Relay stopped: %1.</source>
        <translation>Relais arrêté&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Expiry: %1, %2.</source>
        <comment>reminders written, ads expired</comment>
        <translation>Expiration&#xa0;: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) written</source>
        <translation>
            <numerusform>%n rappel écrit</numerusform>
            <numerusform>%n rappels écrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) expired</source>
        <translation>
            <numerusform>%n annonce expirée</numerusform>
            <numerusform>%n annonces expirées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) could not go through the expiry round; the next round tries again.</source>
        <translation>
            <numerusform>%n annonce n’a pas pu passer par la tournée d’expiration&#xa0;; la prochaine tournée réessaiera.</numerusform>
            <numerusform>%n annonces n’ont pas pu passer par la tournée d’expiration&#xa0;; la prochaine tournée réessaiera.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) went out while the database was away and could not be marked as sent: they will go out again once their lease runs out.</source>
        <translation>
            <numerusform>%n courriel est parti pendant l’absence de la base de données et n’a pas pu être marqué comme envoyé&#xa0;: il repartira à l’expiration de son bail.</numerusform>
            <numerusform>%n courriels sont partis pendant l’absence de la base de données et n’ont pas pu être marqués comme envoyés&#xa0;: ils repartiront à l’expiration de leur bail.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail %1 %2 refused: %3</source>
        <translation>Courriel %1 %2 refusé&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>mails sent and not sent, mails refused</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refusé</numerusform>
            <numerusform>%n refusés</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay&apos;s database login is not an administrator&apos;s (recup_admin): the retention round does not run, and contact messages and mails are kept beyond the retention. Run the relay with an administrator&apos;s login, or run collectiv-recup-admin retention --run as an administrator.</source>
        <translation>L’identifiant de base de données du relais n’est pas celui d’un administrateur (recup_admin)&#xa0;: la purge de conservation ne tourne pas, et les messages de contact et les courriels sont gardés au-delà de la durée de conservation. Lancez le relais avec l’identifiant d’un administrateur, ou lancez collectiv-recup-admin retention --run en administrateur.</translation>
    </message>
    <message numerus="yes">
        <source>Retention of %n month(s): %1, %2.</source>
        <translation>
            <numerusform>Conservation de %n&#xa0;mois&#xa0;: %1, %2.</numerusform>
            <numerusform>Conservation de %n&#xa0;mois&#xa0;: %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact message(s) anonymised</source>
        <translation>
            <numerusform>%n message(s) de contact anonymisé(s)</numerusform>
            <numerusform>%n message(s) de contact anonymisé(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) anonymised</source>
        <translation>
            <numerusform>%n courriel(s) anonymisé(s)</numerusform>
            <numerusform>%n courriel(s) anonymisé(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recup::RequestTransportDialog</name>
    <message>
        <source>Ask for a transport</source>
        <translation>Demander un transport</translation>
    </message>
    <message>
        <source>Choose an item given to a service, then say where the logistics service takes it from and to.</source>
        <translation>Choisissez un objet donné à un service, puis indiquez où le service logistique doit le prendre et le déposer.</translation>
    </message>
    <message>
        <source>Items given</source>
        <translation>Objets donnés</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Donné par</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Reçu par</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Ask for the transport</source>
        <translation>Demander le transport</translation>
    </message>
    <message>
        <source>The items could not be read.</source>
        <translation>Les objets n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>The items given could not be read. %1</source>
        <translation>Les objets donnés n’ont pas pu être lus. %1</translation>
    </message>
    <message>
        <source>No item given is waiting for a transport.</source>
        <translation>Aucun objet donné n’attend de transport.</translation>
    </message>
    <message>
        <source>Choose the item to move.</source>
        <translation>Choisissez l’objet à transporter.</translation>
    </message>
    <message>
        <source>&amp;Items given with no transport under way (latest first)</source>
        <translation>Ob&amp;jets donnés sans transport en cours (les plus récents d’abord)</translation>
    </message>
</context>
<context>
    <name>Recup::ReservePartDialog</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>%1 (asked for it)</source>
        <translation>%1 (l’a demandé)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantité</translation>
    </message>
    <message>
        <source>Choose the service to reserve for.</source>
        <translation>Choisissez le service pour lequel réserver.</translation>
    </message>
    <message>
        <source>Reserve for a service</source>
        <translation>Réserver pour un service</translation>
    </message>
    <message>
        <source>%1: %2 of %3 left. What you reserve leaves the catalogue; reserve less to leave the rest in it.</source>
        <translation>%1&#xa0;: il en reste %2 sur %3. Ce que vous réservez quitte le catalogue&#xa0;; réservez-en moins pour y laisser le reste.</translation>
    </message>
    <message>
        <source>How many to reserve: all that is left by default, fewer for a part</source>
        <translation>Combien réserver&#xa0;: tout ce qui reste par défaut, moins pour une partie</translation>
    </message>
    <message>
        <source>The whole lot</source>
        <translation>Tout le lot</translation>
    </message>
    <message numerus="yes">
        <source>A part: %n stay(s) in the catalogue</source>
        <translation>
            <numerusform>Une partie&#xa0;: %n reste(nt) au catalogue</numerusform>
            <numerusform>Une partie&#xa0;: %n reste(nt) au catalogue</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reserve</source>
        <translation>&amp;Réserver</translation>
    </message>
    <message>
        <source>Reserve for the chosen service (Alt+R)</source>
        <translation>Réserver pour le service choisi (Alt+R)</translation>
    </message>
</context>
<context>
    <name>Recup::SendToStoreDialog</name>
    <message>
        <source>Send to the general store</source>
        <translation>Envoyer au magasin général</translation>
    </message>
    <message>
        <source>Rather than throwing %1 away, the logistics service takes it to the general store. Once it is delivered, the ad stays in the catalogue, held by the store: it is no longer in your ads, and its history keeps that your service gave it.</source>
        <translation>Plutôt que de jeter %1, le service logistique l’emporte au magasin général. Une fois l’objet livré, l’annonce reste au catalogue, tenue par le magasin&#xa0;: elle ne figure plus dans vos annonces, et son historique garde que votre service l’a donnée.</translation>
    </message>
    <message>
        <source>Send to the store</source>
        <translation>Envoyer au magasin</translation>
    </message>
</context>
<context>
    <name>Recup::SmtpClient</name>
    <message>
        <source>No mail server is set in the settings.</source>
        <translation>Aucun serveur de messagerie n’est indiqué dans les paramètres.</translation>
    </message>
    <message>
        <source>TLS is not available on this computer, so the mail server %1 cannot be reached securely.</source>
        <translation>TLS n’est pas disponible sur cet ordinateur&#xa0;: le serveur de messagerie %1 ne peut donc pas être joint de façon sécurisée.</translation>
    </message>
    <message>
        <source>Cannot read a CA certificate from the file %1.</source>
        <translation>Impossible de lire un certificat d’autorité de certification dans le fichier %1.</translation>
    </message>
    <message>
        <source>The mail server %1 sent a reply this application does not understand.</source>
        <translation>Le serveur de messagerie %1 a envoyé une réponse que l’application ne comprend pas.</translation>
    </message>
    <message>
        <source>The mail server %1 refused the connection.</source>
        <translation>Le serveur de messagerie %1 a refusé la connexion.</translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting.</source>
        <translation>Le serveur de messagerie %1 a refusé la présentation (EHLO/HELO).</translation>
    </message>
    <message>
        <source>The mail server %1 refused to start TLS.</source>
        <translation>Le serveur de messagerie %1 a refusé de démarrer TLS.</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2.</source>
        <translation>Le serveur de messagerie %1 a refusé l’authentification de %2.</translation>
    </message>
    <message>
        <source>The mail server refused the sender %1.</source>
        <translation>Le serveur de messagerie a refusé l’expéditeur %1.</translation>
    </message>
    <message>
        <source>The mail server refused the recipient %1.</source>
        <translation>Le serveur de messagerie a refusé le destinataire %1.</translation>
    </message>
    <message>
        <source>The mail server refused the message.</source>
        <translation>Le serveur de messagerie a refusé le message.</translation>
    </message>
    <message>
        <source>The message was handed to the mail server %1.</source>
        <translation>Le message a été remis au serveur de messagerie %1.</translation>
    </message>
    <message>
        <source>The mail server %1 refused to reset the session.</source>
        <translation>Le serveur de messagerie %1 a refusé de réinitialiser la session.</translation>
    </message>
    <message>
        <source>The mail server %1 spoke out of turn.</source>
        <translation>Le serveur de messagerie %1 a envoyé une réponse à un moment inattendu.</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS, which the settings require.</source>
        <translation>Le serveur de messagerie %1 ne propose pas STARTTLS, que les paramètres exigent.</translation>
    </message>
    <message>
        <source>The mail server %1 does not accept logins, but a user name is set in the settings.</source>
        <translation>Le serveur de messagerie %1 n’accepte pas l’authentification, mais un identifiant est indiqué dans les paramètres.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login method this application knows (it offers %2).</source>
        <translation>Le serveur de messagerie %1 ne propose aucune méthode d’authentification connue de l’application (il propose %2).</translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation>Le message n’a aucun destinataire.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server %1 failed: %2</source>
        <translation>La connexion sécurisée au serveur de messagerie %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>The certificate of the mail server %1 is not trusted (%2). Give the certificate of its authority in the settings.</source>
        <translation>Le certificat du serveur de messagerie %1 n’est pas reconnu comme fiable (%2). Indiquez dans les paramètres le certificat de son autorité de certification.</translation>
    </message>
    <message>
        <source>Cannot connect to the mail server %1: %2</source>
        <translation>Impossible de se connecter au serveur de messagerie %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 was lost: %2</source>
        <translation>La connexion au serveur de messagerie %1 a été perdue&#xa0;: %2</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection.</source>
        <translation>Le serveur de messagerie %1 a fermé la connexion.</translation>
    </message>
    <message>
        <source>The mail server %1 did not answer within %2 seconds.</source>
        <translation>Le serveur de messagerie %1 n’a pas répondu dans un délai de %2 secondes.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 was lost while a message was being sent, before the server confirmed it: %2</source>
        <translation>La connexion au serveur de messagerie %1 a été perdue pendant l’envoi d’un message, avant que le serveur ne le confirme&#xa0;: %2</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection while a message was being sent, before it confirmed it.</source>
        <translation>Le serveur de messagerie %1 a fermé la connexion pendant l’envoi d’un message, avant de le confirmer.</translation>
    </message>
</context>
<context>
    <name>Recup::StatisticsWindow</name>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>What the platform avoided: the ads that found a taker, their value, their weight and CO2e, per month, service, reason and category.</source>
        <translation>Ce que la plateforme a évité&#xa0;: les annonces qui ont trouvé preneur, leur valeur, leur poids et leur CO2e, par mois, service, motif et catégorie.</translation>
    </message>
    <message>
        <source>Read the figures again now (they are also read every minute)</source>
        <translation>Relire les chiffres maintenant (ils sont aussi relus chaque minute)</translation>
    </message>
    <message>
        <source>Figures — Collectiv&apos;Récup</source>
        <translation>Chiffres — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>Semestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Période libre</translation>
    </message>
    <message>
        <source>First semester (January–June)</source>
        <translation>Premier semestre (janvier–juin)</translation>
    </message>
    <message>
        <source>Second semester (July–December)</source>
        <translation>Second semestre (juillet–décembre)</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>Per service</source>
        <translation>Par service</translation>
    </message>
    <message>
        <source>Per reason</source>
        <translation>Par motif</translation>
    </message>
    <message>
        <source>Per category</source>
        <translation>Par catégorie</translation>
    </message>
    <message>
        <source>Never active</source>
        <translation>Jamais actifs</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Other closings</source>
        <translation>Autres clôtures</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Value given</source>
        <translation>Valeur donnée</translation>
    </message>
    <message>
        <source>Value received</source>
        <translation>Valeur reçue</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>Annonces</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Estimé</translation>
    </message>
    <message>
        <source>Factor (kg CO2e per kg)</source>
        <translation>Facteur (kg CO2e par kg)</translation>
    </message>
    <message>
        <source>CO2e avoided</source>
        <translation>CO2e évité</translation>
    </message>
    <message>
        <source>Source of the factor</source>
        <translation>Source du facteur</translation>
    </message>
    <message>
        <source>These services neither posted an ad nor received an exchange in the period: perhaps they do not know the platform yet.</source>
        <translation>Ces services n’ont ni publié d’annonce ni reçu d’objet&#xa0;: ils ne connaissent peut-être pas encore la plateforme.</translation>
    </message>
    <message>
        <source>Every table of the period as a CSV file that Excel opens</source>
        <translation>Tous les tableaux de la période dans un fichier CSV qu’Excel ouvre</translation>
    </message>
    <message>
        <source>Preview and print the report of the period, in French</source>
        <translation>Aperçu et impression du rapport de la période, en français</translation>
    </message>
    <message>
        <source>Save the report of the period as a PDF file</source>
        <translation>Enregistrer le rapport de la période dans un fichier PDF</translation>
    </message>
    <message>
        <source>The yearly declaration of purchases from reuse (loi AGEC), per organisation and product family, as a CSV file</source>
        <translation>La déclaration annuelle des achats issus du réemploi (loi AGEC), par organisation et famille de produits, dans un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Chiffres</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>The figures could not be read. %1</source>
        <translation>Les chiffres n’ont pas pu être lus. %1</translation>
    </message>
    <message>
        <source>No ad was closed in this period.</source>
        <translation>Aucune annonce n’a été close sur cette période.</translation>
    </message>
    <message numerus="yes">
        <source>%n ad(s) found a taker, about %1 of purchases avoided, %2 of waste avoided</source>
        <translation>
            <numerusform>%n annonce a trouvé preneur, environ %1 d’achats évités, %2 de déchets évités</numerusform>
            <numerusform>%n annonces ont trouvé preneur, environ %1 d’achats évités, %2 de déchets évités</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 CO2e avoided; %2 of the weight is estimated from the categories&apos; usual weights.</source>
        <translation>%1 de CO2e évités&#xa0;; %2 du poids est estimé d’après le poids habituel des catégories.</translation>
    </message>
    <message>
        <source>The period is not over: these figures are still growing.</source>
        <translation>La période n’est pas finie&#xa0;: ces chiffres vont encore grandir.</translation>
    </message>
    <message>
        <source>Ads that found a taker, per month</source>
        <translation>Annonces qui ont trouvé preneur, par mois</translation>
    </message>
    <message numerus="yes">
        <source>The %n most active service(s)</source>
        <translation>
            <numerusform>Le service le plus actif</numerusform>
            <numerusform>Les %n services les plus actifs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>How the ads were closed</source>
        <translation>Comment les annonces ont été closes</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>non compté</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>a service, then its organisation</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Never active (%1)</source>
        <translation>Jamais actifs (%1)</translation>
    </message>
    <message>
        <source>%1 could not be saved. %2</source>
        <translation>%1 n’a pas pu être enregistré. %2</translation>
    </message>
    <message>
        <source>%1 is saved in %2.</source>
        <translation>%1 est enregistré dans %2.</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Exporter les chiffres</translation>
    </message>
    <message>
        <source>figures-%1.csv</source>
        <translation>chiffres-%1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The CSV file</source>
        <translation>Le fichier CSV</translation>
    </message>
    <message>
        <source>Report — %1</source>
        <translation>Rapport — %1</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <source>report-%1.pdf</source>
        <translation>rapport-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be saved. %1</source>
        <translation>Le rapport n’a pas pu être enregistré. %1</translation>
    </message>
    <message>
        <source>The report is saved in %1.</source>
        <translation>Le rapport est enregistré dans %1.</translation>
    </message>
    <message>
        <source>Reuse declaration</source>
        <translation>Déclaration du réemploi</translation>
    </message>
    <message>
        <source>The declaration of the year:</source>
        <translation>La déclaration de l’année&#xa0;:</translation>
    </message>
    <message>
        <source>Save the reuse declaration</source>
        <translation>Enregistrer la déclaration du réemploi</translation>
    </message>
    <message>
        <source>reuse-declaration-%1.csv</source>
        <translation>declaration-reemploi-%1.csv</translation>
    </message>
    <message>
        <source>The reuse declaration could not be read. %1</source>
        <translation>La déclaration du réemploi n’a pas pu être lue. %1</translation>
    </message>
    <message>
        <source>The reuse declaration</source>
        <translation>La déclaration du réemploi</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Péri&amp;ode&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Semester report…</source>
        <translation>&amp;Rapport semestriel…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Reuse &amp;declaration…</source>
        <translation>&amp;Déclaration du réemploi…</translation>
    </message>
</context>
<context>
    <name>Recup::StockModel</name>
    <message>
        <source>%1 (%2)</source>
        <comment>an item, then its category</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <comment>stored since a date</comment>
        <translation>
            <numerusform>%1 (%n jour)</numerusform>
            <numerusform>%1 (%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — stored for long</source>
        <comment>an ad&apos;s state</comment>
        <translation>%1 — stocké depuis longtemps</translation>
    </message>
    <message numerus="yes">
        <source>In the store for %n day(s): give it out, or throw it away saying why.</source>
        <translation>
            <numerusform>Au magasin depuis %n jour&#xa0;: donnez-le, ou jetez-le en disant pourquoi.</numerusform>
            <numerusform>Au magasin depuis %n jours&#xa0;: donnez-le, ou jetez-le en disant pourquoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated from the category&apos;s unit weight</source>
        <translation>Estimé d’après le poids unitaire de la catégorie</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>In store since</source>
        <translation>En stock depuis</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Donné par</translation>
    </message>
    <message>
        <source>Ad</source>
        <translation>Annonce</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in stock</source>
        <translation>
            <numerusform>%n objet en stock</numerusform>
            <numerusform>%n objets en stock</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored for more than %1 days</source>
        <translation>
            <numerusform>%n stocké depuis plus de %1 jours</numerusform>
            <numerusform>%n stockés depuis plus de %1 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <comment>stored since a date</comment>
        <translation>%1 (aujourd’hui)</translation>
    </message>
</context>
<context>
    <name>Recup::StoreWindow</name>
    <message>
        <source>General store</source>
        <translation>Magasin général</translation>
    </message>
    <message>
        <source>What the store holds, longest first: give items out as any owner would, throw away what stayed too long.</source>
        <translation>Ce que détient le magasin, du plus ancien au plus récent&#xa0;: donnez les objets comme tout auteur d’annonce, jetez ce qui est resté trop longtemps.</translation>
    </message>
    <message>
        <source>Read the stock again now (it is also read every minute)</source>
        <translation>Relire le stock maintenant (il est aussi relu chaque minute)</translation>
    </message>
    <message>
        <source>General store — Collectiv&apos;Récup</source>
        <translation>Magasin général — Collectiv&apos;Récup</translation>
    </message>
    <message>
        <source>Items in the store</source>
        <translation>Objets du magasin</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Magasin</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Throw away…</source>
        <translation>&amp;Jeter…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Throw away…</source>
        <translation>Jeter…</translation>
    </message>
    <message>
        <source>Close the item&apos;s ad as thrown away, saying why (Ctrl+Shift+X)</source>
        <translation>Fermer l’annonce de l’objet comme jeté, en disant pourquoi (Ctrl+Maj+X)</translation>
    </message>
    <message>
        <source>The stock could not be read. %1</source>
        <translation>Le stock n’a pas pu être lu. %1</translation>
    </message>
    <message>
        <source>The store holds nothing at the moment.</source>
        <translation>Le magasin ne détient rien en ce moment.</translation>
    </message>
    <message>
        <source>In stock: %1</source>
        <translation>En stock&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select an item. The store&apos;s keeper gives it out from « My ads », as any owner.</source>
        <translation>Sélectionnez un objet. Le responsable du magasin le donne depuis «&#xa0;Mes annonces&#xa0;», comme tout auteur d’annonce.</translation>
    </message>
    <message>
        <source>You hold this item: give it out from « My ads », or throw it away here if it stayed too long.</source>
        <translation>Vous détenez cet objet&#xa0;: donnez-le depuis «&#xa0;Mes annonces&#xa0;», ou jetez-le ici s’il est resté trop longtemps.</translation>
    </message>
    <message>
        <source>As a moderator you may remove this item, saying why.</source>
        <translation>En tant que modérateur, vous pouvez retirer cet objet en disant pourquoi.</translation>
    </message>
    <message>
        <source>The store&apos;s keeper gives this item out or throws it away.</source>
        <translation>Le responsable du magasin donne cet objet ou le jette.</translation>
    </message>
    <message>
        <source>Throw away</source>
        <translation>Jeter</translation>
    </message>
    <message>
        <source>Why is %1 thrown away? The history keeps it.</source>
        <translation>Pourquoi %1 est-il jeté&#xa0;? L’historique le conserve.</translation>
    </message>
    <message>
        <source>Say why the item is thrown away: nothing was changed.</source>
        <translation>Dites pourquoi l’objet est jeté&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 is thrown away; the history says why.</source>
        <translation>%1 est jeté&#xa0;; l’historique dit pourquoi.</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>%1 is removed from the catalogue; the history says why.</source>
        <translation>%1 est retiré du catalogue&#xa0;; l’historique dit pourquoi.</translation>
    </message>
    <message>
        <source>No site is a general store yet: the IT administrator makes one (see the IT guide).</source>
        <translation>Aucun site n’est encore un magasin général&#xa0;: l’administrateur informatique en désigne un (voir le guide informatique).</translation>
    </message>
    <message>
        <source>S&amp;tore:</source>
        <translation>Ma&amp;gasin&#xa0;:</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
</context>
<context>
    <name>Recup::TransportFields</name>
    <message>
        <source>From</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Wished day</source>
        <translation>Date souhaitée</translation>
    </message>
    <message>
        <source>%1: site</source>
        <translation>%1&#xa0;: site</translation>
    </message>
    <message>
        <source>%1: building and room</source>
        <translation>%1&#xa0;: bâtiment et salle</translation>
    </message>
    <message>
        <source>Building, floor, room</source>
        <translation>Bâtiment, étage, salle</translation>
    </message>
    <message>
        <source>%1: person to ask</source>
        <translation>%1&#xa0;: personne à contacter</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>%1: phone</source>
        <translation>%1&#xa0;: téléphone</translation>
    </message>
    <message>
        <source>Notes for the logistics service</source>
        <translation>Remarques pour le service logistique</translation>
    </message>
    <message>
        <source>Access, stairs, opening hours, what to dismantle…</source>
        <translation>Accès, escaliers, horaires d’ouverture, ce qu’il faut démonter…</translation>
    </message>
    <message>
        <source>Choose a site…</source>
        <translation>Choisissez un site…</translation>
    </message>
    <message>
        <source>Desk or mobile</source>
        <translation>Poste fixe ou portable</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <source>Roo&amp;m</source>
        <translation>S&amp;alle</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>S&amp;ite</translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation>Sa&amp;lle</translation>
    </message>
    <message>
        <source>Co&amp;ntact</source>
        <translation>C&amp;ontact</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Télép&amp;hone</translation>
    </message>
    <message>
        <source>&amp;Wished day</source>
        <translation>Date so&amp;uhaitée</translation>
    </message>
    <message>
        <source>Instr&amp;uctions</source>
        <translation>Co&amp;nsignes</translation>
    </message>
</context>
<context>
    <name>Recup::WantedAdDialog</name>
    <message>
        <source>Post a wanted ad</source>
        <translation>Publier une recherche</translation>
    </message>
    <message>
        <source>Say what your service is looking for. When a published ad matches (same category, or all your keywords), you get a mail and an alert under « My alerts ».</source>
        <translation>Dites ce que votre service recherche. Quand une annonce publiée correspond (même catégorie, ou tous vos mots-clés), vous recevez un courriel et une alerte dans «&#xa0;Mes alertes&#xa0;».</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <source>Wanted: 4 tall metal cabinets</source>
        <translation>Recherche&#xa0;: 4 armoires métalliques hautes</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>cabinet metal</source>
        <translation>armoire métallique</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>An ad matches when its title or description holds every one of these words</source>
        <translation>Une annonce correspond quand son titre ou sa description contient chacun de ces mots</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>&amp;Mots-clés&#xa0;:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toute catégorie</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantité&#xa0;:</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>&amp;Site to deliver to:</source>
        <translation>&amp;Site de livraison&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Recup::WantedAdsWindow</name>
    <message>
        <source>Wanted ads</source>
        <translation>Recherches</translation>
    </message>
    <message>
        <source>What the services are looking for. Post what yours needs: each published ad that matches sends you a mail and an alert.</source>
        <translation>Ce que les services recherchent. Publiez ce dont le vôtre a besoin&#xa0;: chaque annonce publiée qui correspond vous vaut un courriel et une alerte.</translation>
    </message>
    <message>
        <source>Read the wanted ads and your alerts again</source>
        <translation>Relire les recherches et vos alertes</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>Publiée par</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu’au</translation>
    </message>
    <message>
        <source>Wanted ads of all services</source>
        <translation>Recherches de tous les services</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>My wanted ads</source>
        <translation>Mes recherches</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Your wanted ad</source>
        <translation>Votre recherche</translation>
    </message>
    <message>
        <source>Matching ad</source>
        <translation>Annonce correspondante</translation>
    </message>
    <message>
        <source>Ad no.</source>
        <translation>N° d’annonce</translation>
    </message>
    <message>
        <source>My alerts</source>
        <translation>Mes alertes</translation>
    </message>
    <message>
        <source>A&amp;ll wanted ads</source>
        <translation>&amp;Toutes les recherches</translation>
    </message>
    <message>
        <source>M&amp;y wanted ads</source>
        <translation>Mes &amp;recherches</translation>
    </message>
    <message>
        <source>My &amp;alerts</source>
        <translation>Mes &amp;alertes</translation>
    </message>
    <message>
        <source>&amp;Wanted ads</source>
        <translation>Re&amp;cherches</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close the window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Post a wanted ad…</source>
        <translation>&amp;Publier une recherche…</translation>
    </message>
    <message>
        <source>Say what your service is looking for (%1)</source>
        <translation>Dire ce que votre service recherche (%1)</translation>
    </message>
    <message>
        <source>Close the &amp;selected wanted ad</source>
        <translation>C&amp;lore la recherche sélectionnée</translation>
    </message>
    <message>
        <source>The wanted ads could not be read. %1</source>
        <translation>Les recherches n’ont pas pu être lues. %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toute catégorie</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerte</numerusform>
            <numerusform>%n alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>My &amp;alerts (%1)</source>
        <translation>Mes &amp;alertes (%1)</translation>
    </message>
    <message>
        <source>Your wanted ad « %1 » is posted: every agent sees it.</source>
        <translation>Votre recherche «&#xa0;%1&#xa0;» est publiée&#xa0;: tous les agents la voient.</translation>
    </message>
    <message>
        <source>Pick one of your wanted ads under « My wanted ads » first.</source>
        <translation>Choisissez d’abord l’une de vos recherches dans «&#xa0;Mes recherches&#xa0;».</translation>
    </message>
    <message>
        <source>This wanted ad is already closed or expired.</source>
        <translation>Cette recherche est déjà close ou expirée.</translation>
    </message>
    <message>
        <source>« %1 » is closed: it matches no more ads.</source>
        <translation>«&#xa0;%1&#xa0;» est close&#xa0;: elle ne correspondra plus à aucune annonce.</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Published ads that match your wanted ads. Enter or a double-click shows the ad.</source>
        <translation>Annonces publiées qui correspondent à vos recherches. Entrée ou un double-clic affiche l’annonce.</translation>
    </message>
    <message>
        <source>&amp;Answer the wanted ad…</source>
        <translation>Répo&amp;ndre à la recherche…</translation>
    </message>
    <message>
        <source>S&amp;ee the ad</source>
        <translation>&amp;Voir l’annonce</translation>
    </message>
    <message>
        <source>Show the ad of the selected alert in the catalogue (%1, Enter)</source>
        <translation>Afficher l’annonce de l’alerte choisie dans le catalogue (%1, Entrée)</translation>
    </message>
    <message>
        <source>Pick a wanted ad of another service to answer it.</source>
        <translation>Choisissez la recherche d’un autre service pour y répondre.</translation>
    </message>
    <message>
        <source>This wanted ad is yours.</source>
        <translation>Cette recherche est la vôtre.</translation>
    </message>
    <message>
        <source>You answered this wanted ad on %1: its author has your message.</source>
        <translation>Vous avez répondu à cette recherche le %1&#xa0;: son auteur a votre message.</translation>
    </message>
    <message>
        <source>Write to the person looking for it; the moderators get a copy (%1)</source>
        <translation>Écrire à la personne qui cherche&#xa0;; les modérateurs reçoivent une copie (%1)</translation>
    </message>
    <message>
        <source>Pick one of your alerts under « My alerts » first.</source>
        <translation>Choisissez d’abord une de vos alertes sous «&#xa0;Mes alertes&#xa0;».</translation>
    </message>
    <message>
        <source>Answered on %1</source>
        <translation>Répondu le %1</translation>
    </message>
</context>
<context>
    <name>Recup::WatchedAdsModel</name>
    <message>
        <source>—</source>
        <comment>no date</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, %3</source>
        <translation>%1 &lt;%2&gt;, %3</translation>
    </message>
    <message>
        <source>Reserved on %1</source>
        <translation>Réservée le %1</translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation>Publiée le %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Poster (contact)</source>
        <translation>Déposant (contact)</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Déposant</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Publiée le</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Demandée par</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
</context>
<context>
    <name>Recup::WatchedAdsPane</name>
    <message>
        <source>Published</source>
        <translation>Publiées</translation>
    </message>
    <message numerus="yes">
        <source>Reserved for more than %n day(s)</source>
        <translation>
            <numerusform>Réservées depuis plus de %n jour</numerusform>
            <numerusform>Réservées depuis plus de %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by words of the ad or the poster&apos;s name</source>
        <translation>Filtrer par mots de l’annonce ou nom du déposant</translation>
    </message>
    <message numerus="yes">
        <source>Reservations that have lasted more than %n day(s): ask the poster whether the exchange took place.</source>
        <translation>
            <numerusform>Réservations qui durent depuis plus de %n jour&#xa0;: demandez au déposant si l’échange a eu lieu.</numerusform>
            <numerusform>Réservations qui durent depuis plus de %n jours&#xa0;: demandez au déposant si l’échange a eu lieu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the selected ad for good, with a reason</source>
        <translation>Clôturer définitivement l’annonce choisie, avec un motif</translation>
    </message>
    <message>
        <source>The lists could not be read. %1</source>
        <translation>Les listes n’ont pas pu être lues. %1</translation>
    </message>
    <message>
        <source>Published (%1)</source>
        <translation>Publiées (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Reserved for more than %n day(s) (%1)</source>
        <translation>
            <numerusform>Réservées depuis plus de %n jour (%1)</numerusform>
            <numerusform>Réservées depuis plus de %n jours (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the ad</source>
        <translation>Retirer l’annonce</translation>
    </message>
    <message>
        <source>Why is %1 removed? The ad is closed for good; %2 will read your reason.</source>
        <translation>Pourquoi retirez-vous l’annonce %1&#xa0;? Elle sera clôturée définitivement&#xa0;; %2 lira votre motif.</translation>
    </message>
    <message>
        <source>%1 is removed.</source>
        <translation>L’annonce %1 est retirée.</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <comment>an ad&apos;s title, then why</comment>
        <translation>L’annonce %1 n’a pas été retirée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 was not removed. %2</source>
        <translation>L’annonce %1 n’a pas été retirée. %2</translation>
    </message>
    <message>
        <source>Release a part</source>
        <translation>Libérer une partie</translation>
    </message>
    <message>
        <source>&amp;Which part?</source>
        <translation>&amp;Quelle partie&#xa0;?</translation>
    </message>
    <message>
        <source>Release a &amp;part…</source>
        <translation>Libérer une &amp;partie…</translation>
    </message>
    <message>
        <source>Put a part of the selected lot reserved for a service back in the catalogue, with a reason its owner reads (Alt+P)</source>
        <translation>Remettre au catalogue une partie du lot sélectionné réservée pour un service, avec un motif que son titulaire lira (Alt+P)</translation>
    </message>
    <message>
        <source>Release a part of the lot</source>
        <translation>Libérer une partie du lot</translation>
    </message>
    <message>
        <source>Published ads</source>
        <translation>Annonces publiées</translation>
    </message>
    <message>
        <source>Reserved ads</source>
        <translation>Annonces réservées</translation>
    </message>
    <message>
        <source>The parts of %1 could not be read. %2</source>
        <translation>Les parties de %1 n’ont pas pu être lues. %2</translation>
    </message>
    <message>
        <source>No part of %1 is reserved for a service.</source>
        <translation>Aucune partie de %1 n’est réservée pour un service.</translation>
    </message>
    <message>
        <source>%1 for %2, reserved on %3</source>
        <translation>%1 pour %2, réservée le %3</translation>
    </message>
    <message>
        <source>Say why you release this part: its owner will read it.</source>
        <translation>Dites pourquoi vous libérez cette partie&#xa0;: son titulaire le lira.</translation>
    </message>
    <message>
        <source>Why do you release %1 of %2 (%3)? It is back in the catalogue; %4 will read your reason in the ad&apos;s history.</source>
        <translation>Pourquoi libérez-vous %1 de %2 (%3)&#xa0;? La partie revient au catalogue&#xa0;; %4 lira votre motif dans l’historique de l’annonce.</translation>
    </message>
    <message>
        <source>Release the part</source>
        <translation>Libérer la partie</translation>
    </message>
    <message>
        <source>The part of %1 was not released: %2</source>
        <translation>La partie de %1 n’a pas été libérée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The part of %1 is released: it is back in the catalogue.</source>
        <translation>La partie de %1 est libérée&#xa0;: elle revient au catalogue.</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
</context>
<context>
    <name>Recup::WindowHeader</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Dernière mise à jour&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Recup::WindowSets</name>
    <message>
        <source>Moderation</source>
        <translation>Modération</translation>
    </message>
    <message>
        <source>The ads awaiting a moderator&apos;s decision</source>
        <translation>Les annonces en attente de la décision d’un modérateur</translation>
    </message>
    <message>
        <source>Post an ad</source>
        <translation>Déposer une annonce</translation>
    </message>
    <message>
        <source>Offer the other services an item you no longer need</source>
        <translation>Proposer aux autres services un objet dont vous n’avez plus besoin</translation>
    </message>
    <message>
        <source>Mails not sent</source>
        <translation>Courriels non envoyés</translation>
    </message>
    <message>
        <source>The mails the mail server refused: see why, send them again</source>
        <translation>Les courriels refusés par le serveur de messagerie&#xa0;: voir pourquoi, les renvoyer</translation>
    </message>
    <message>
        <source>Mails not sent (%1)</source>
        <translation>Courriels non envoyés (%1)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>an agent&apos;s name, then their service</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Your request is sent: %1 will answer you by mail. The moderators have a copy.</source>
        <translation>Votre demande est partie&#xa0;: %1 vous répondra par courriel. Les modérateurs en ont une copie.</translation>
    </message>
    <message>
        <source>My ads</source>
        <translation>Mes annonces</translation>
    </message>
    <message>
        <source>Your ads: follow them, close them, renew them</source>
        <translation>Vos annonces&#xa0;: les suivre, les clôturer, les renouveler</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>What the platform avoided, per period: exports and the semester report</source>
        <translation>Ce que la plateforme a évité, par période&#xa0;: exports et rapport semestriel</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Transports</translation>
    </message>
    <message>
        <source>The transports of exchanged items: plan them, follow them</source>
        <translation>Les transports des objets échangés&#xa0;: les planifier, les suivre</translation>
    </message>
    <message>
        <source>General store</source>
        <translation>Magasin général</translation>
    </message>
    <message>
        <source>What the general store holds, since when, given by whom</source>
        <translation>Ce que détient le magasin général, depuis quand, donné par qui</translation>
    </message>
    <message>
        <source>Reference data…</source>
        <translation>Données de référence…</translation>
    </message>
    <message>
        <source>Organisations, services, sites, categories and rejection reasons: add, correct, deactivate</source>
        <translation>Organisations, services, sites, catégories et motifs de rejet&#xa0;: ajouter, corriger, désactiver</translation>
    </message>
    <message>
        <source>Agents…</source>
        <translation>Agents…</translation>
    </message>
    <message>
        <source>The agents: hand a leaving agent&apos;s ads over, deactivate them</source>
        <translation>Les agents&#xa0;: confier les annonces d’un agent qui part, le désactiver</translation>
    </message>
    <message>
        <source>Wanted ads</source>
        <translation>Recherches</translation>
    </message>
    <message>
        <source>What the services are looking for; post what yours needs</source>
        <translation>Ce que les services recherchent&#xa0;; publiez ce dont le vôtre a besoin</translation>
    </message>
    <message>
        <source>My alerts</source>
        <translation>Mes alertes</translation>
    </message>
    <message>
        <source>The published ads that matched your wanted ads</source>
        <translation>Les annonces publiées qui correspondaient à vos recherches</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>An ad you were writing on %1 was not saved: it is kept on this workstation.</source>
        <translation>Une annonce que vous rédigiez le %1 n’a pas été enregistrée&#xa0;: elle est conservée sur ce poste.</translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation>La reprendre</translation>
    </message>
    <message>
        <source>Changes you made to one of your ads on %1 were not saved: they are kept on this workstation. Open the ad from “My ads” to resume them.</source>
        <translation>Des modifications faites à l’une de vos annonces le %1 n’ont pas été enregistrées&#xa0;: elles sont conservées sur ce poste. Ouvrez l’annonce depuis «&#xa0;Mes annonces&#xa0;» pour les reprendre.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Your answer is sent: %1 will write back by mail. The moderators have a copy.</source>
        <translation>Votre réponse est envoyée&#xa0;: %1 vous répondra par courriel. Les modérateurs en ont une copie.</translation>
    </message>
</context>
<context>
    <name>ReferenceImport</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Line %1, column &quot;%2&quot;: %3</source>
        <translation>Ligne %1, colonne «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n error(s).</source>
        <translation>
            <numerusform>Rien n’a été importé&#xa0;: le fichier a %n erreur.</numerusform>
            <numerusform>Rien n’a été importé&#xa0;: le fichier a %n erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %1 are listed.</source>
        <translation>Seules les %1 premières sont citées.</translation>
    </message>
    <message>
        <source>this cell may not be empty</source>
        <translation>cette case ne peut pas être vide</translation>
    </message>
    <message>
        <source>the value is too long (%1 characters; at most %2)</source>
        <translation>la valeur est trop longue (%1 caractères&#xa0;; %2 au plus)</translation>
    </message>
    <message>
        <source>line breaks and control characters are not allowed here</source>
        <translation>les retours à la ligne et les caractères de contrôle ne sont pas permis ici</translation>
    </message>
    <message>
        <source>control characters are not allowed</source>
        <translation>les caractères de contrôle ne sont pas permis</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not yes or no: write oui or non (or 1 or 0)</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni oui ni non&#xa0;: écrivez oui ou non (ou 1 ou 0)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: write it as 77,5 or 77.5</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre&#xa0;: écrivez-le comme 77,5 ou 77.5</translation>
    </message>
    <message>
        <source>%1 is too large (at most %2)</source>
        <translation>%1 est trop grand (%2 au plus)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from %2 to %3</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre entier de %2 à %3</translation>
    </message>
    <message>
        <source>the code &quot;%1&quot; holds spaces</source>
        <translation>le code «&#xa0;%1&#xa0;» contient des espaces</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already on line %2: each appears once</source>
        <translation>«&#xa0;%1&#xa0;» est déjà à la ligne %2&#xa0;: chacun n’apparaît qu’une fois</translation>
    </message>
    <message>
        <source>unknown organisation &quot;%1&quot; (import the organisations first)</source>
        <translation>organisation inconnue «&#xa0;%1&#xa0;» (importez d’abord les organisations)</translation>
    </message>
    <message>
        <source>a CO2 factor needs its source (WRAP, ADEME Base Carbone…)</source>
        <translation>un facteur CO2 demande sa source (WRAP, ADEME Base Carbone…)</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;: write agent, moderator, logistics or admin, separated by spaces</source>
        <translation>rôle inconnu «&#xa0;%1&#xa0;»&#xa0;: écrivez agent, moderator, logistics ou admin (ou moderateur, logistique, administrateur), séparés par des espaces</translation>
    </message>
    <message>
        <source>unknown service &quot;%1&quot; (import the services first)</source>
        <translation>service inconnu «&#xa0;%1&#xa0;» (importez d’abord les services)</translation>
    </message>
    <message>
        <source>unknown column; the columns are: %1</source>
        <translation>colonne inconnue&#xa0;; les colonnes sont&#xa0;: %1</translation>
    </message>
    <message>
        <source>this column appears twice</source>
        <translation>cette colonne apparaît deux fois</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; is missing (the columns are: %2)</source>
        <translation>la colonne «&#xa0;%1&#xa0;» manque (les colonnes sont&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2 (a separator too many or missing, or a quote not closed?)</source>
        <translation>%1 champs alors que l’en-tête en a %2 (un séparateur en trop ou en moins, ou un guillemet non fermé&#xa0;?)</translation>
    </message>
    <message>
        <source>the organisation &quot;%1&quot; is no longer active: choose an active one, or reactivate it first</source>
        <translation>l’organisation «&#xa0;%1&#xa0;» n’est plus active&#xa0;: choisissez-en une active, ou réactivez-la d’abord</translation>
    </message>
</context>
<context>
    <name>ReferenceImportStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ReferenceRepository</name>
    <message>
        <source>This category does not exist.</source>
        <translation>Cette catégorie n’existe pas.</translation>
    </message>
    <message>
        <source>This agent does not exist.</source>
        <translation>Cet agent n’existe pas.</translation>
    </message>
    <message>
        <source>No agent has the login %1.</source>
        <translation>Aucun agent n’a l’identifiant %1.</translation>
    </message>
    <message>
        <source>No service has the code %1.</source>
        <translation>Aucun service n’a le code %1.</translation>
    </message>
    <message>
        <source>The agent cannot be added: the login %1 is taken, or the service, the login or the email address is not valid.</source>
        <translation>L’agent ne peut pas être ajouté&#xa0;: l’identifiant %1 est déjà pris, ou le service, l’identifiant ou l’adresse électronique n’est pas valide.</translation>
    </message>
    <message>
        <source>This database does not know who is connected.</source>
        <translation>La base de données ne parvient pas à identifier la personne connectée.</translation>
    </message>
    <message>
        <source>Your login is not linked to an active agent of Collectiv&apos;Récup. Ask your IT department.</source>
        <translation>Votre identifiant n’est rattaché à aucun agent actif de Collectiv&apos;Récup. Contactez votre service informatique.</translation>
    </message>
    <message>
        <source>The login %1 is not valid: use 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>L’identifiant %1 n’est pas valide&#xa0;: utilisez de 2 à 63 lettres minuscules, chiffres, points, tirets ou tirets bas, en commençant par une lettre.</translation>
    </message>
    <message>
        <source>The name must have 1 to %1 characters, without line breaks or control characters.</source>
        <translation>Le nom doit comporter de 1 à %1 caractères, sans retour à la ligne ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>The email address %1 is not valid: it must look like prenom.nom@agglo.fr.</source>
        <translation>L’adresse électronique %1 n’est pas valide&#xa0;: elle doit avoir la forme prenom.nom@agglo.fr.</translation>
    </message>
    <message>
        <source>The phone number must have at most %1 characters, without line breaks or control characters.</source>
        <translation>Le numéro de téléphone doit comporter au plus %1 caractères, sans retour à la ligne ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>The login %1 is reserved by PostgreSQL or by Collectiv&apos;Récup: choose another.</source>
        <translation>L’identifiant %1 est réservé à PostgreSQL ou à Collectiv&apos;Récup&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A store is kept by a service and held by one of its agents.</source>
        <translation>Un magasin est tenu par un service et géré par l’un de ses agents.</translation>
    </message>
    <message>
        <source>The store&apos;s keeper must be an active agent of its service.</source>
        <translation>Le responsable du magasin doit être un agent actif de son service.</translation>
    </message>
    <message>
        <source>This site no longer exists.</source>
        <translation>Ce site n’existe plus.</translation>
    </message>
    <message>
        <source>Give a code: it identifies the row in imports and exports.</source>
        <translation>Donnez un code&#xa0;: il identifie la ligne dans les imports et les exports.</translation>
    </message>
    <message numerus="yes">
        <source>The code takes at most %n characters on one line, without control characters.</source>
        <translation>
            <numerusform>Le code compte au plus %n caractère sur une ligne, sans caractère de contrôle.</numerusform>
            <numerusform>Le code compte au plus %n caractères sur une ligne, sans caractère de contrôle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give a name.</source>
        <translation>Donnez un nom.</translation>
    </message>
    <message numerus="yes">
        <source>The name takes at most %n characters on one line, without control characters.</source>
        <translation>
            <numerusform>Le nom compte au plus %n caractère sur une ligne, sans caractère de contrôle.</numerusform>
            <numerusform>Le nom compte au plus %n caractères sur une ligne, sans caractère de contrôle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else changed this organisation in the meantime: what you typed is kept; their version is in the list. Save again to replace it with yours.</source>
        <translation>Quelqu’un d’autre a modifié cette organisation entre-temps&#xa0;: ce que vous avez saisi est conservé&#xa0;; sa version est dans la liste. Enregistrez à nouveau pour la remplacer par la vôtre.</translation>
    </message>
    <message>
        <source>Someone else changed this service in the meantime: what you typed is kept; their version is in the list. Save again to replace it with yours.</source>
        <translation>Quelqu’un d’autre a modifié ce service entre-temps&#xa0;: ce que vous avez saisi est conservé&#xa0;; sa version est dans la liste. Enregistrez à nouveau pour la remplacer par la vôtre.</translation>
    </message>
    <message>
        <source>Someone else changed this site in the meantime: what you typed is kept; their version is in the list. Save again to replace it with yours.</source>
        <translation>Quelqu’un d’autre a modifié ce site entre-temps&#xa0;: ce que vous avez saisi est conservé&#xa0;; sa version est dans la liste. Enregistrez à nouveau pour la remplacer par la vôtre.</translation>
    </message>
    <message>
        <source>Someone else changed this category in the meantime: what you typed is kept; their version is in the list. Save again to replace it with yours.</source>
        <translation>Quelqu’un d’autre a modifié cette catégorie entre-temps&#xa0;: ce que vous avez saisi est conservé&#xa0;; sa version est dans la liste. Enregistrez à nouveau pour la remplacer par la vôtre.</translation>
    </message>
    <message>
        <source>The code %1 is already used by another organisation.</source>
        <translation>Le code %1 est déjà pris par une autre organisation.</translation>
    </message>
    <message>
        <source>The code %1 is already used by another service.</source>
        <translation>Le code %1 est déjà pris par un autre service.</translation>
    </message>
    <message>
        <source>The code %1 is already used by another site.</source>
        <translation>Le code %1 est déjà pris par un autre site.</translation>
    </message>
    <message>
        <source>The code %1 is already used by another category.</source>
        <translation>Le code %1 est déjà pris par une autre catégorie.</translation>
    </message>
    <message>
        <source>Choose the organisation the service belongs to.</source>
        <translation>Choisissez l’organisation dont relève le service.</translation>
    </message>
    <message>
        <source>Choose the organisation the site belongs to.</source>
        <translation>Choisissez l’organisation dont relève le site.</translation>
    </message>
    <message numerus="yes">
        <source>The address takes at most %n characters on one line.</source>
        <translation>
            <numerusform>L’adresse compte au plus %n caractère sur une ligne.</numerusform>
            <numerusform>L’adresse compte au plus %n caractères sur une ligne.</numerusform>
        </translation>
    </message>
    <message>
        <source>A postal code has 5 digits, such as 86100.</source>
        <translation>Un code postal a 5 chiffres, par exemple 86100.</translation>
    </message>
    <message numerus="yes">
        <source>The city takes at most %n characters on one line.</source>
        <translation>
            <numerusform>La commune compte au plus %n caractère sur une ligne.</numerusform>
            <numerusform>La commune compte au plus %n caractères sur une ligne.</numerusform>
        </translation>
    </message>
    <message>
        <source>The unit weight cannot be negative (0 when unknown).</source>
        <translation>Le poids unitaire ne peut pas être négatif (0 s’il est inconnu).</translation>
    </message>
    <message>
        <source>The CO2e factor cannot be negative (leave it empty when unknown).</source>
        <translation>Le facteur CO2e ne peut pas être négatif (laissez-le vide s’il est inconnu).</translation>
    </message>
    <message>
        <source>Say where the factor comes from (ADEME Base Carbone, WRAP…).</source>
        <translation>Indiquez d’où vient le facteur (ADEME Base Carbone, WRAP…).</translation>
    </message>
    <message numerus="yes">
        <source>The source takes at most %n characters on one line.</source>
        <translation>
            <numerusform>La source compte au plus %n caractère sur une ligne.</numerusform>
            <numerusform>La source compte au plus %n caractères sur une ligne.</numerusform>
        </translation>
    </message>
    <message>
        <source>An ad stays online from 1 to %1 days.</source>
        <translation>Une annonce reste en ligne de 1 à %1 jours.</translation>
    </message>
    <message>
        <source>Say what to do instead: the agent who picks this category reads it.</source>
        <translation>Indiquez que faire à la place&#xa0;: l’agent qui choisit cette catégorie le lira.</translation>
    </message>
    <message numerus="yes">
        <source>The message takes at most %n characters.</source>
        <translation>
            <numerusform>Le message compte au plus %n caractère.</numerusform>
            <numerusform>Le message compte au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The warning words take at most %n characters in all.</source>
        <translation>
            <numerusform>Les mots d’alerte comptent au plus %n caractère en tout.</numerusform>
            <numerusform>Les mots d’alerte comptent au plus %n caractères en tout.</numerusform>
        </translation>
    </message>
    <message>
        <source>This organisation still has %1 and %2: deactivate them first, or move them to another organisation.</source>
        <translation>Cette organisation a encore %1 et %2&#xa0;: désactivez-les d’abord, ou rattachez-les à une autre organisation.</translation>
    </message>
    <message numerus="yes">
        <source>%n active service(s)</source>
        <translation>
            <numerusform>%n service actif</numerusform>
            <numerusform>%n services actifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active site(s)</source>
        <translation>
            <numerusform>%n site actif</numerusform>
            <numerusform>%n sites actifs</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else changed this agent in the meantime: the list is read again, look at it before trying again.</source>
        <translation>Quelqu’un d’autre a modifié cet agent entre-temps&#xa0;: la liste est relue, regardez-la avant de réessayer.</translation>
    </message>
    <message>
        <source>This organisation still has active services or sites: deactivate them first, or move them to another organisation.</source>
        <translation>Cette organisation a encore des services ou des sites actifs&#xa0;: désactivez-les d’abord, ou rattachez-les à une autre organisation.</translation>
    </message>
    <message>
        <source>This organisation is no longer active: choose an active one, or reactivate it first.</source>
        <translation>Cette organisation n’est plus active&#xa0;: choisissez-en une active, ou réactivez-la d’abord.</translation>
    </message>
    <message>
        <source>This agent&apos;s ads were handed over since they left: only an administrator brings them back.</source>
        <translation>Les annonces de cet agent ont été confiées à un autre depuis son départ&#xa0;: seul un administrateur peut le réactiver.</translation>
    </message>
    <message>
        <source>This service does not exist.</source>
        <translation>Ce service n’existe pas.</translation>
    </message>
</context>
<context>
    <name>RejectionTemplateRepository</name>
    <message>
        <source>Give the reason a short title.</source>
        <translation>Donnez au motif un titre court.</translation>
    </message>
    <message numerus="yes">
        <source>The title takes at most %n characters on one line.</source>
        <translation>
            <numerusform>Le titre compte au plus %n caractère sur une ligne.</numerusform>
            <numerusform>Le titre compte au plus %n caractères sur une ligne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the text the poster will read.</source>
        <translation>Écrivez le texte que lira l’auteur de l’annonce.</translation>
    </message>
    <message numerus="yes">
        <source>The text takes at most %n characters.</source>
        <translation>
            <numerusform>Le texte compte au plus %n caractère.</numerusform>
            <numerusform>Le texte compte au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please correct the reason.</source>
        <translation>Corrigez le motif, s’il vous plaît.</translation>
    </message>
    <message>
        <source>Someone else changed this reason in the meantime: what you typed is kept; read theirs, then save again.</source>
        <translation>Quelqu’un d’autre a modifié ce motif entre-temps&#xa0;: ce que vous avez saisi est conservé&#xa0;; lisez sa version, puis enregistrez à nouveau.</translation>
    </message>
</context>
<context>
    <name>RelaySettings</name>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation>Le fichier de configuration %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>%1: mail/transport is &quot;%2&quot;: use smtp or folder.</source>
        <translation>%1&#xa0;: mail/transport vaut «&#xa0;%2&#xa0;»&#xa0;: utilisez smtp ou folder.</translation>
    </message>
    <message>
        <source>%1: mail/smtpSecurity is &quot;%2&quot;: use none, starttls or tls.</source>
        <translation>%1&#xa0;: mail/smtpSecurity vaut «&#xa0;%2&#xa0;»&#xa0;: utilisez none, starttls ou tls.</translation>
    </message>
    <message>
        <source>%1: mail/smtpPort is &quot;%2&quot;, which is not a port number.</source>
        <translation>%1&#xa0;: mail/smtpPort vaut «&#xa0;%2&#xa0;», qui n’est pas un numéro de port.</translation>
    </message>
    <message>
        <source>Unknown SMTP security &quot;%1&quot;: use none, starttls or tls.</source>
        <translation>Sécurité SMTP inconnue «&#xa0;%1&#xa0;»&#xa0;: utilisez none, starttls ou tls.</translation>
    </message>
    <message>
        <source>--smtp-port: &quot;%1&quot; is not a port number.</source>
        <translation>--smtp-port&#xa0;: «&#xa0;%1&#xa0;» n’est pas un numéro de port.</translation>
    </message>
    <message>
        <source>--retry-interval: give a number of seconds.</source>
        <translation>--retry-interval&#xa0;: indiquez un nombre de secondes.</translation>
    </message>
    <message>
        <source>relay needs --smtp-host or --pickup-folder.</source>
        <translation>relay a besoin de --smtp-host ou de --pickup-folder.</translation>
    </message>
    <message>
        <source>%1 sends nothing (mail/transport is none): set mail/transport to smtp or folder, or give --smtp-host or --pickup-folder.</source>
        <translation>%1 n’envoie rien (mail/transport vaut none)&#xa0;: mettez mail/transport à smtp ou folder, ou indiquez --smtp-host ou --pickup-folder.</translation>
    </message>
    <message>
        <source>The SMTP password file %1 may be read or changed by other users: make it its owner&apos;s alone (chmod 600 %1).</source>
        <translation>Le fichier de mot de passe SMTP %1 peut être lu ou modifié par d’autres utilisateurs&#xa0;: réservez-le à son propriétaire (chmod 600 %1).</translation>
    </message>
    <message>
        <source>The SMTP password file %1 cannot be read.</source>
        <translation>Le fichier de mot de passe SMTP %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The SMTP password file %1 is empty.</source>
        <translation>Le fichier de mot de passe SMTP %1 est vide.</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>Le fichier %1 n’a pas pu être écrit&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <source>Choose the first and the last day.</source>
        <translation>Choisissez le premier et le dernier jour.</translation>
    </message>
    <message>
        <source>The last day comes before the first: swap them.</source>
        <translation>Le dernier jour précède le premier&#xa0;: inversez-les.</translation>
    </message>
    <message>
        <source>“%1” is not a semester: write the year, -S1 or -S2, as in 2026-S2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un semestre&#xa0;: écrivez l’année, puis -S1 ou -S2, comme 2026-S2.</translation>
    </message>
    <message>
        <source>The semester %1 has not begun yet: there is nothing to report.</source>
        <translation>Le semestre %1 n’a pas encore commencé&#xa0;: il n’y a rien à rapporter.</translation>
    </message>
    <message>
        <source>“%1” is not a year: write it with four digits, as in 2026.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une année&#xa0;: écrivez-la en quatre chiffres, comme 2026.</translation>
    </message>
    <message>
        <source>The year %1 has not begun yet: there is nothing to report.</source>
        <translation>L’année %1 n’a pas encore commencé&#xa0;: il n’y a rien à rapporter.</translation>
    </message>
    <message>
        <source>first semester %1</source>
        <translation>premier semestre %1</translation>
    </message>
    <message>
        <source>second semester %1</source>
        <translation>second semestre %1</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
</context>
<context>
    <name>ReuseDeclarationReader</name>
    <message>
        <source>No organisation has the code “%1”.</source>
        <translation>Aucune organisation n’a le code «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>The database is not open.</source>
        <translation>La base de données n’est pas ouverte.</translation>
    </message>
    <message>
        <source>The schema version cannot be read.</source>
        <translation>La version du schéma ne peut pas être lue.</translation>
    </message>
    <message>
        <source>This database does not hold Collectiv&apos;Récup yet. Ask your IT department to run &quot;collectiv-recup-admin init&quot; on it.</source>
        <translation>Cette base de données ne contient pas encore Collectiv&apos;Récup. Demandez à votre service informatique d’y exécuter «&#xa0;collectiv-recup-admin init&#xa0;».</translation>
    </message>
    <message>
        <source>This database is at version %1 and this application needs version %2. Ask your IT department to run &quot;collectiv-recup-admin init&quot; to upgrade it.</source>
        <translation>Cette base de données est en version %1, alors que cette application nécessite la version %2. Demandez à votre service informatique d’exécuter «&#xa0;collectiv-recup-admin init&#xa0;» pour la mettre à niveau.</translation>
    </message>
    <message>
        <source>This database is at version %1, newer than this application knows (version %2). Install the latest version of Collectiv&apos;Récup.</source>
        <translation>Cette base de données est en version %1, plus récente que celle que connaît cette application (version %2). Installez la dernière version de Collectiv&apos;Récup.</translation>
    </message>
    <message>
        <source>Migration %1 is missing.</source>
        <translation>La migration %1 est manquante.</translation>
    </message>
    <message>
        <source>The upgrade cannot start.</source>
        <translation>La mise à niveau ne peut pas démarrer.</translation>
    </message>
    <message>
        <source>Upgrade step %1 (%2) failed; nothing was changed.</source>
        <translation>L’étape de mise à niveau %1 (%2) a échoué&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The schema version cannot be recorded.</source>
        <translation>La version du schéma ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <source>The upgrade could not be saved.</source>
        <translation>La mise à niveau n’a pas pu être enregistrée.</translation>
    </message>
</context>
<context>
    <name>StatisticsRepository</name>
    <message>
        <source>The period has no length.</source>
        <translation>La période choisie est vide&#xa0;: sa fin doit venir après son début.</translation>
    </message>
    <message>
        <source>The figures could not be computed.</source>
        <translation>Les chiffres n’ont pas pu être calculés.</translation>
    </message>
</context>
<context>
    <name>StoreRepository</name>
    <message>
        <source>The store&apos;s stock could not be read.</source>
        <translation>Le stock du magasin n’a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>WantedAdRepository</name>
    <message>
        <source>The keywords contain a character that cannot be saved (a line break, a control character).</source>
        <translation>Les mots-clés contiennent un caractère impossible à enregistrer (un retour à la ligne, un caractère de contrôle).</translation>
    </message>
    <message>
        <source>Give at least one keyword (a word of two letters or more): alerts are found by them.</source>
        <translation>Indiquez au moins un mot-clé (un mot de deux lettres ou plus)&#xa0;: c’est par eux que les alertes sont trouvées.</translation>
    </message>
    <message>
        <source>The keywords must have at most %1 characters.</source>
        <translation>Les mots-clés doivent compter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The quantity must be between 1 and %1.</source>
        <translation>La quantité doit être comprise entre 1 et %1.</translation>
    </message>
    <message>
        <source>Choose the site to deliver to.</source>
        <translation>Choisissez le site de livraison.</translation>
    </message>
    <message>
        <source>The wanted ad could not be posted.</source>
        <translation>La recherche n’a pas pu être publiée.</translation>
    </message>
    <message>
        <source>The wanted ad could not be closed.</source>
        <translation>La recherche n’a pas pu être close.</translation>
    </message>
    <message>
        <source>This wanted ad is already closed, or not yours to close.</source>
        <translation>Cette recherche est déjà close, ou ce n’est pas à vous de la clore.</translation>
    </message>
    <message>
        <source>The wanted ads could not be read.</source>
        <translation>Les recherches n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>This wanted ad no longer exists.</source>
        <translation>Cette recherche n’existe plus.</translation>
    </message>
    <message>
        <source>The alerts could not be read.</source>
        <translation>Les alertes n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>You already have %1 open wanted ads: close one you no longer need before posting another.</source>
        <translation>Vous avez déjà %1 recherches ouvertes&#xa0;: fermez celle dont vous n’avez plus besoin avant d’en publier une autre.</translation>
    </message>
</context>
</TS>
