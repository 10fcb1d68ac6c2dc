// Every page reads the API's address and the public token from its own query string.
export function pageSettings(): { publicToken: string; baseUrl: string } {
  const query = new URLSearchParams(location.search)
  return { publicToken: query.get('token') ?? '', baseUrl: query.get('api') ?? '' }
}
