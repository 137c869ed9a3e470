using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Auth;

/// <summary>Checks the Authorization header of a request to /api/messages.</summary>
public interface IChannelAuthenticator
{
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <param name="StatusCode">401 or 403 on failure.</param>
/// <param name="CallerId">The caller id derived from the token (never from the wire).</param>
public sealed record AuthenticationOutcome(bool Succeeded, int StatusCode, string? CallerId, string? Error)
{
    public static AuthenticationOutcome Success(string? callerId) => new(true, 200, callerId, null);
    public static AuthenticationOutcome Unauthorized(string error) => new(false, 401, null, error);
    public static AuthenticationOutcome Forbidden(string error) => new(false, 403, null, error);
}
