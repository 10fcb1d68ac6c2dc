import type { PhoneLoginStrings } from './types'

export const fr: PhoneLoginStrings = {
  phoneTitle: 'Connectez-vous avec votre téléphone',
  phoneIntro: 'Nous vous enverrons un code à 6 chiffres par SMS.',
  phoneLabel: 'Numéro de téléphone',
  phoneHint: 'Des frais de messagerie et de données peuvent s’appliquer.',
  countryLabel: 'Pays',
  countrySearchLabel: 'Rechercher un pays',
  countrySearchPlaceholder: 'Nom, code ou +indicatif',
  countryNoMatch: 'Aucun pays ne correspond',
  sendCode: 'Envoyer le code',
  sendingCode: 'Envoi du code…',
  sendCodeIn: 'Envoyer le code dans {seconds} s',

  codeTitle: 'Saisissez votre code',
  codeSentTo: 'Nous avons envoyé un code à 6 chiffres au {phone}.',
  codeLabel: 'Code à 6 chiffres',
  verifyCode: 'Valider',
  verifyingCode: 'Vérification…',
  resendCode: 'Renvoyer le code',
  resendingCode: 'Envoi d’un nouveau code…',
  resendCodeIn: 'Renvoyer le code dans {seconds} s',
  codeResent: 'Un nouveau code a été envoyé au {phone}.',
  useDifferentNumber: 'Utiliser un autre numéro',
  noCode: 'Vous n’avez pas reçu de code\u202f?',
  signedIn: 'Vous êtes connecté.',

  errorPhoneRequired: 'Saisissez votre numéro de téléphone.',
  errorPhoneTooShort: 'Ce numéro est trop court pour le pays {country}.',
  errorPhoneTooLong: 'Ce numéro est trop long pour le pays {country}.',
  errorPhoneInvalid: 'Ce numéro n’est pas valide pour le pays {country}.',
  errorCountryNotAllowed: 'Les numéros de {country} ({dialCode}) ne sont pas acceptés ici.',
  errorRegionNotAllowed:
    '{country} partage l’indicatif {dialCode} avec {mainCountry}, mais les numéros de {country} ne sont pas acceptés ici.',
  errorCodeIncomplete: 'Saisissez les 6 chiffres du code.',
  errorWrongCode: 'Ce code est incorrect. Vérifiez le SMS et réessayez.',
  errorCodeExpired: 'Ce code a expiré ou a déjà été utilisé. Demandez un nouveau code.',
  errorRateLimited: 'Trop de tentatives. Réessayez dans {wait}.',
  errorLocked:
    'Trop de codes incorrects. La connexion avec ce numéro est suspendue pour un moment\u202f; réessayez plus tard.',
  errorNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  errorTimeout: 'Le serveur a mis trop de temps à répondre. Réessayez.',
  errorGeneric: 'Une erreur est survenue. Réessayez.',
  errorRequestId: 'Identifiant de la requête\u00a0: {requestId}',

  // The channels. SMS keeps its own phrasing above; any other channel fills in {channel}, its name.
  channelLabel: 'Recevoir le code par',
  phoneIntroChannel: 'Nous vous enverrons un code à 6 chiffres sur {channel}.',
  codeSentToChannel: 'Nous avons envoyé un code à 6 chiffres au {phone} sur {channel}.',
  switchChannel: 'Recevoir plutôt par {channel}',
  errorWrongCodeChannel: 'Ce code est incorrect. Vérifiez le message {channel} et réessayez.',
  errorTooManyWrongCodes:
    'Trop de codes incorrects ont été saisis\u00a0: ce code ne fonctionne plus. Demandez un nouveau code.',

  waitOver: 'Vous pouvez réessayer.',
  waitSecondsOne: '{count} seconde',
  waitSecondsMany: '{count} de secondes',
  waitSecondsOther: '{count} secondes',
  waitMinutesOne: '{count} minute',
  waitMinutesMany: '{count} de minutes',
  waitMinutesOther: '{count} minutes',
  codeExpiresIn: 'Le code expire dans {time}',
}
