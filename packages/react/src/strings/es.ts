import type { PhoneLoginStrings } from './types'

export const es: PhoneLoginStrings = {
  phoneTitle: 'Inicia sesión con tu teléfono',
  phoneIntro: 'Te enviaremos un código de 6 dígitos por SMS.',
  phoneLabel: 'Número de teléfono',
  phoneHint: 'Pueden aplicarse tarifas de mensajes y datos.',
  countryLabel: 'País',
  countrySearchLabel: 'Buscar países',
  countrySearchPlaceholder: 'Nombre, código o +prefijo',
  countryNoMatch: 'Ningún país coincide',
  sendCode: 'Enviar código',
  sendingCode: 'Enviando código…',
  sendCodeIn: 'Enviar código en {seconds} s',

  codeTitle: 'Introduce tu código',
  codeSentTo: 'Enviamos un código de 6 dígitos al {phone}.',
  codeLabel: 'Código de 6 dígitos',
  verifyCode: 'Verificar',
  verifyingCode: 'Verificando…',
  resendCode: 'Reenviar código',
  resendingCode: 'Enviando un código nuevo…',
  resendCodeIn: 'Reenviar código en {seconds} s',
  codeResent: 'Hemos enviado un código nuevo al {phone}.',
  useDifferentNumber: 'Usar otro número',
  noCode: '¿No te llegó el código?',
  signedIn: 'Has iniciado sesión.',

  errorPhoneRequired: 'Introduce tu número de teléfono.',
  errorPhoneTooShort: 'Este número es demasiado corto para {country}.',
  errorPhoneTooLong: 'Este número es demasiado largo para {country}.',
  errorPhoneInvalid: 'Este no es un número de teléfono válido para {country}.',
  errorCountryNotAllowed: 'Los números de {country} ({dialCode}) no se admiten aquí.',
  errorRegionNotAllowed:
    '{country} comparte el prefijo {dialCode} con {mainCountry}, pero los números de {country} no se admiten aquí.',
  errorCodeIncomplete: 'Introduce los 6 dígitos del código.',
  errorWrongCode: 'El código no es correcto. Revisa el SMS e inténtalo de nuevo.',
  errorCodeExpired: 'Este código ha caducado o ya se usó. Pide un código nuevo.',
  errorRateLimited: 'Demasiados intentos. Vuelve a intentarlo en {wait}.',
  errorLocked:
    'Demasiados códigos incorrectos. El acceso con este número está en pausa; inténtalo de nuevo más tarde.',
  errorNetwork: 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  errorTimeout: 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
  errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
  errorRequestId: 'ID de la solicitud: {requestId}',

  // The channels. SMS keeps its own phrasing above; any other channel fills in {channel}, its name.
  channelLabel: 'Enviar el código por',
  phoneIntroChannel: 'Te enviaremos un código de 6 dígitos por {channel}.',
  codeSentToChannel: 'Enviamos un código de 6 dígitos al {phone} por {channel}.',
  switchChannel: 'Enviar por {channel} en su lugar',
  errorWrongCodeChannel: 'El código no es correcto. Revisa el mensaje de {channel} e inténtalo de nuevo.',
  errorTooManyWrongCodes:
    'Se introdujeron demasiados códigos incorrectos y este código ya no sirve. Pide un código nuevo.',

  waitOver: 'Ya puedes volver a intentarlo.',
  waitSecondsOne: '{count} segundo',
  waitSecondsMany: '{count} de segundos',
  waitSecondsOther: '{count} segundos',
  waitMinutesOne: '{count} minuto',
  waitMinutesMany: '{count} de minutos',
  waitMinutesOther: '{count} minutos',
  codeExpiresIn: 'El código caduca en {time}',
}
