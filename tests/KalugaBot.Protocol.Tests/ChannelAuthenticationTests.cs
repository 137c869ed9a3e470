using System.Net;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace KalugaBot.Protocol.Tests;

/// <summary>Channel → bot JWT validation against a loopback OpenID metadata endpoint with locally generated RSA keys (digest §3.1, §7.1 Auth).</summary>
public sealed class ChannelAuthenticationTests
{
    public enum Spoil { None, WrongAudience, WrongIssuer, Expired, ExpiredWithinSkew, NoEndorsement, ServiceUrlMismatch, NoServiceUrl, Hs256, NoHeader, NotBearer, Garbage }

    [Theory]
    [InlineData(Spoil.None, HttpStatusCode.OK)]
    [InlineData(Spoil.ExpiredWithinSkew, HttpStatusCode.OK)]
    [InlineData(Spoil.WrongAudience, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.WrongIssuer, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.Expired, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.Hs256, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.NoHeader, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.NotBearer, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.Garbage, HttpStatusCode.Unauthorized)]
    [InlineData(Spoil.NoEndorsement, HttpStatusCode.Forbidden)]
    [InlineData(Spoil.ServiceUrlMismatch, HttpStatusCode.Forbidden)]
    [InlineData(Spoil.NoServiceUrl, HttpStatusCode.Forbidden)]
    public async Task Channel_token_is_validated(Spoil spoil, HttpStatusCode expected)
    {
        await using var channel = await LoopbackChannel.StartAsync();
        channel.AddKey("key-teams-only", "msteams");
        await using var app = new KalugaBotApp(channel.BotSettings());
        var http = app.CreateClient();
        var activity = ChannelRequests.Message(channel.ServiceUrl, channelId: spoil == Spoil.NoEndorsement ? "directline" : "msteams");

        var token = spoil switch
        {
            Spoil.WrongAudience => channel.ChannelToken(channel.ServiceUrl, audience: "someone-else"),
            Spoil.WrongIssuer => channel.ChannelToken(channel.ServiceUrl, issuer: "https://evil.example.com"),
            Spoil.Expired => channel.ChannelToken(channel.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6)),
            Spoil.ExpiredWithinSkew => channel.ChannelToken(channel.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3)),
            Spoil.NoEndorsement => channel.ChannelToken(channel.ServiceUrl, keyId: "key-teams-only"),
            Spoil.ServiceUrlMismatch => channel.ChannelToken("https://smba.example.com/evil/"),
            Spoil.NoServiceUrl => channel.ChannelToken(channel.ServiceUrl, includeServiceUrl: false),
            Spoil.Hs256 => channel.ChannelToken(channel.ServiceUrl, algorithm: SecurityAlgorithms.HmacSha256),
            Spoil.NoHeader => null,
            Spoil.Garbage => "not.a.jwt",
            _ => channel.ChannelToken(channel.ServiceUrl),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(ProtocolJson.Serialize(activity), System.Text.Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", spoil == Spoil.NotBearer ? "Basic " + token : "Bearer " + token);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            // The reply reached the connector with the bot's own client-credentials token.
            var reply = Assert.Single(channel.Accepted);
            Assert.Equal("Bearer " + LoopbackChannel.BotToken, reply.Authorization);
            Assert.Equal($"/connector/v3/conversations/{activity.Conversation!.Id}/activities/{activity.Id}", reply.Path);
        }
        else
        {
            Assert.Empty(channel.ConnectorRequests);
            Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "");
        }
    }

    [Fact]
    public async Task CallerId_comes_from_the_token_never_from_the_wire()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        var activity = ChannelRequests.Message(channel.ServiceUrl);
        activity.CallerId = "urn:botframework:aadappid:forged";

        using var response = await ChannelRequests.PostAsync(app.CreateClient(), activity, channel.ChannelToken(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(activity.Conversation!.Id!);
        Assert.Equal("urn:botframework:azure", stored.First(a => a.Id == activity.Id).CallerId);
    }

    [Fact]
    public async Task Rotated_signing_key_is_found_by_refreshing_the_metadata()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        var http = app.CreateClient();
        using (var first = await ChannelRequests.PostAsync(http, ChannelRequests.Message(channel.ServiceUrl), channel.ChannelToken(channel.ServiceUrl)))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        channel.AddKey("key-rotated", "msteams");
        using var second = await ChannelRequests.PostAsync(http, ChannelRequests.Message(channel.ServiceUrl), channel.ChannelToken(channel.ServiceUrl, keyId: "key-rotated"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(channel.MetadataRequests >= 2, "the metadata should have been fetched again for the unknown kid");
    }

    [Theory]
    [InlineData("1.0", HttpStatusCode.OK)]
    [InlineData("2.0", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    public async Task Emulator_tokens_name_the_app_by_version(string version, HttpStatusCode expected)
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        var activity = ChannelRequests.Message(channel.ServiceUrl, channelId: "emulator");

        using var response = await ChannelRequests.PostAsync(app.CreateClient(), activity, channel.EmulatorToken(version));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Emulator_token_for_another_app_is_rejected()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        using var response = await ChannelRequests.PostAsync(app.CreateClient(), ChannelRequests.Message(channel.ServiceUrl, channelId: "emulator"),
            channel.EmulatorToken("2.0", appId: "another-app"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_a_token_is_rejected_and_no_token_is_accepted()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp();
        var http = app.CreateClient();

        using var withToken = await ChannelRequests.PostAsync(http, ChannelRequests.Message(channel.ServiceUrl), channel.ChannelToken(channel.ServiceUrl));
        using var anonymous = await ChannelRequests.PostAsync(http, ChannelRequests.Message(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        // Local mode sends replies without an Authorization header.
        var reply = Assert.Single(channel.Accepted);
        Assert.Null(reply.Authorization);
        Assert.Empty(channel.TokenRequests);
    }
}
