using System.Net;
using KalugaBot.Host.Staff.Assets;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Security;

/// <summary>Every /staff endpoint, read from the EndpointDataSource so new ones are covered without touching this test.</summary>
public sealed class EndpointAccessTests(ITestOutputHelper output)
{
    // Satisfies the lead-id route constraint (L + 12 hex digits) and is a fine conversation id too, so every route matches.
    private const string SampleId = "L0123456789ab";

    private static readonly string[] Anonymous = ["/staff/login", "/staff/logout", "/staff/denied", "/staff/login/entra"];

    private static IReadOnlyList<(string Url, RouteEndpoint Endpoint)> StaffEndpoints(KalugaBotApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("staff", StringComparison.OrdinalIgnoreCase))
            .Select(e => ("/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p2 => p2.Name == "file" ? "portal.css" : SampleId,
                _ => "",
            })))), e))
            .DistinctBy(x => x.Item1 + string.Join(',', x.e.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods)))
            .ToList();

    private static bool IsPublic(string url, Endpoint e) => Anonymous.Contains(url) || e.Metadata.GetMetadata<StaffPublicEndpoint>() is not null;

    private static bool IsAdminOnly(string url, Endpoint e) =>
        url.StartsWith("/staff/admin", StringComparison.Ordinal) || e.Metadata.OfType<IAuthorizeData>().Any(a => a.Policy == StaffPolicies.Admin);

    [Fact]
    public async Task Every_staff_endpoint_refuses_anonymous_requests()
    {
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var endpoints = StaffEndpoints(app);
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} staff endpoints found");
        foreach (var (url, endpoint) in endpoints.Where(x => !IsPublic(x.Url, x.Endpoint)))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var response = await SendAsync(client, method, url + "?id=x");
                output.WriteLine($"{method} {url} → {(int)response.StatusCode} {response.Headers.Location}");
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest or HttpStatusCode.NotFound
                              || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/staff/login");
                Assert.True(refused, $"{method} {url} answered {(int)response.StatusCode} to an anonymous request");
                // Never the page or data itself.
                Assert.False(response.IsSuccessStatusCode, $"{method} {url} served content anonymously");
            }
        }
    }

    /// <summary>Sends a form body; a JSON-only endpoint refuses forms at routing (415), so it gets a JSON body instead.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        if (method == HttpMethod.Get) return await client.SendAsync(new HttpRequestMessage(method, url));
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent([]) });
        if (response.StatusCode != HttpStatusCode.UnsupportedMediaType) return response;
        response.Dispose();
        return await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
    }

    [Theory]
    [InlineData(StaffRoles.Viewer)]
    [InlineData(StaffRoles.Agent)]
    public async Task Admin_endpoints_refuse_other_roles(string role)
    {
        await using var app = new KalugaBotApp();
        using var staff = await StaffSession.SignInAsync(app, role);
        var admin = StaffEndpoints(app).Where(x => !IsPublic(x.Url, x.Endpoint) && IsAdminOnly(x.Url, x.Endpoint)).ToList();
        Assert.Contains(admin, x => x.Url == "/staff/admin/privacy");
        foreach (var (url, endpoint) in admin)
        {
            // Call each endpoint with a method it serves (the Teams-target endpoint is PUT only).
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var method = methods.Count == 0 || methods.Contains("GET") ? HttpMethod.Get : new HttpMethod(methods[0]);
            using var response = await SendAsync(staff.Client, method, url);
            output.WriteLine($"{method} {url} as {role} → {(int)response.StatusCode} {response.Headers.Location}");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/staff/denied"),
                $"{url} let a {role} in");
        }
        // The erase action itself, with a valid anti-forgery token from a page the role may open.
        var erase = await staff.PostFormAsync("/staff/admin/privacy?handler=Erase", new() { ["conversationId"] = "anything" }, formPage: "/staff/conversations");
        Assert.NotEqual(HttpStatusCode.OK, erase.StatusCode);
        Assert.Contains("/staff/denied", erase.Headers.Location?.ToString() ?? "/staff/denied");
    }

    [Fact]
    public async Task Viewer_cannot_export_leads_but_agent_can()
    {
        await using var app = new KalugaBotApp();
        using var viewer = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync("/staff/api/leads/export.xlsx")).StatusCode);
        using var agent = await StaffSession.SignInAsync(app, StaffRoles.Agent);
        var xlsx = await agent.Client.GetAsync("/staff/api/leads/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]); // a zip container
    }

    [Fact]
    public async Task State_changing_requests_without_an_antiforgery_token_are_refused()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        await bot.SayAsync("hello");
        using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);
        var page = "/staff/transcript?id=" + Uri.EscapeDataString(bot.ConversationId);
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            (page + "&handler=AddTag", new() { ["tag"] = "forged" }),
            (page + "&handler=AddNote", new() { ["note"] = "forged" }),
            ("/staff/admin/privacy?handler=Erase", new() { ["conversationId"] = bot.ConversationId }),
            ("/staff/admin/users?handler=Create", new() { ["email"] = "evil@x.test", ["password"] = "a long enough password", ["role"] = "admin" }),
            ("/staff/logout", new()),
        })
        {
            using var response = await admin.Client.PostAsync(url, new FormUrlEncodedContent(fields));
            output.WriteLine($"POST {url} without token → {(int)response.StatusCode}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var html = await admin.Client.GetStringAsync(page);
        Assert.DoesNotContain("forged", html);
        Assert.Null(app.Services.GetRequiredService<StaffUserStore>().FindByEmail("evil@x.test"));
    }
}
