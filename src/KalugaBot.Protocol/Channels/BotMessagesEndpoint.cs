using System.Text.Json;
using KalugaBot.Protocol.Auth;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Protocol.Channels;

public static class BotMessagesEndpoint
{
    /// <summary>The Bot Framework's bot endpoint: one activity in, an empty 200, an invoke body or expected replies out.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, HandleAsync).WithName("BotMessages").DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http, CloudAdapter adapter, IChannelAuthenticator authenticator, IBot bot)
    {
        var read = await ActivityReader.ReadAsync(http.Request, http.RequestAborted);
        if (read.Problem is not null) return read.Problem;
        var activity = read.Activity!;

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.FirstOrDefault(), activity, http.RequestAborted);
        if (!auth.Succeeded)
            return Results.Problem(statusCode: auth.StatusCode, title: auth.StatusCode == 401 ? "Unauthorized" : "Forbidden", detail: auth.Error);

        var result = await adapter.ProcessActivityAsync(activity, auth.CallerId, bot, http.RequestAborted);
        if (result.Invoke is { } invoke)
            return invoke.Body is null ? Results.StatusCode(invoke.Status) : Results.Json(invoke.Body, ProtocolJson.Options, statusCode: invoke.Status);
        if (result.Replies is { } replies)
            return Results.Json(replies, ProtocolJson.Options);
        return Results.Ok();
    }
}
