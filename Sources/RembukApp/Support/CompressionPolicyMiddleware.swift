import Vapor

/// Responses are compressed when the client accepts it (`configure` turns gzip/deflate on), except for signed-in
/// people: their pages put their own data next to text a visitor can make a page repeat, and a compressed length
/// can give such data away (BREACH). Visitors' pages hold no personal data, and their one secret, the CSRF token,
/// is masked afresh in every response. Those pages, feeds and open data are most of the traffic.
struct CompressionPolicyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.principal.accountID != nil { response.headers.responseCompression = .disable }
        return response
    }
}
