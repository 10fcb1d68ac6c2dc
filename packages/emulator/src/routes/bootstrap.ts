// What the vendor's browser SDK calls when it starts, before any sign-in: the project's bootstrap and
// its telemetry. Without them @stytch/vanilla-js logs errors at every start and its RBAC answers "no".
import { safeEqual } from '../auth'
import { ApiFailure, jsonResponse } from '../errors'
import { newId } from '../ids'
import type { RouteTable } from '../router'
import { DEFAULT_ROLES } from '../sessions'
import type { RouteHandler } from '../state'

function ok(data: Record<string, unknown>): Response {
  return jsonResponse(200, { data: { request_id: newId('request-id'), status_code: 200, ...data } })
}

/**
 * The project's settings as the SDK reads them. Captcha is off (the SDK would load a third-party
 * script); the RBAC policy holds the default role with no permissions; the rest are the vendor's
 * defaults for a consumer project without a custom domain.
 */
const bootstrap: RouteHandler = async (_request, { state, params }) => {
  // The token is in the path, so no Basic auth is needed; it must still be this emulator's.
  if (!safeEqual(params?.public_token ?? '', state.options.publicToken)) {
    throw new ApiFailure(401, 'unauthorized_credentials', 'Unauthorized credentials.')
  }
  return ok({
    project_name: 'otpkit emulator',
    disable_sdk_watermark: false,
    cname_domain: null,
    email_domains: [],
    captcha_settings: { enabled: false },
    pkce_required_for_email_magic_links: false,
    pkce_required_for_password_resets: false,
    pkce_required_for_oauth: false,
    pkce_required_for_sso: false,
    slug_pattern: null,
    create_organization_enabled: false,
    password_config: null,
    dfp_protected_auth_enabled: false,
    dfp_protected_auth_mode: null,
    rbac_policy: {
      roles: DEFAULT_ROLES.map((role_id) => ({
        role_id,
        description: 'Every user holds this role; the emulator grants it no permissions.',
        permissions: [],
      })),
      resources: [],
      scopes: [],
    },
    siwe_required_for_crypto_wallets: false,
    vertical: null,
  })
}

/** Telemetry batches: read and dropped, so nothing personal stays. */
const events: RouteHandler = async (request) => {
  await request.arrayBuffer()
  return ok({})
}

export const bootstrapRoutes: RouteTable = {
  '/sdk/v1/projects/bootstrap/:public_token': { GET: bootstrap },
  '/sdk/v1/events': { POST: events },
}
