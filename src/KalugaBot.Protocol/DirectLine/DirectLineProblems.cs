using Microsoft.AspNetCore.Http;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Problem-details errors that also carry Direct Line's ErrorResponse <c>error: {code, message}</c>.</summary>
public static class DirectLineProblems
{
    public static IResult Problem(int status, string code, string message) =>
        Results.Problem(statusCode: status, title: code, detail: message,
            extensions: new Dictionary<string, object?> { ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message } });

    public static IResult MissingToken() => Problem(401, "MissingToken", "An Authorization: Bearer token is required.");
    public static IResult BadToken() => Problem(401, "BadArgument", "The token is invalid.");
    public static IResult TokenExpired() => Problem(403, "TokenExpired", "The token has expired.");
    public static IResult WrongConversation() => Problem(403, "Forbidden", "The token does not grant access to this conversation.");
    public static IResult UnknownConversation() => Problem(404, "BadArgument", "Conversation not found.");
}
