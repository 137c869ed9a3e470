using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Handoff.Tests.Infrastructure;

/// <summary>
/// A real authentication scheme for tests while the staff sign-in (cookie) feature is not merged: the header
/// "X-Test-Staff: id;display name;role" signs a request in. Authorization still runs through the app's policies.
/// </summary>
public sealed class TestStaffAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestStaff";
    public const string Header = "X-Test-Staff";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.ToString().Split(';');
        if (parts.Length != 3) return Task.FromResult(AuthenticateResult.Fail("Expected id;name;role."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, parts[0]), new Claim(ClaimTypes.Name, parts[1]), new Claim(ClaimTypes.Role, parts[2])], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public static void Register(IServiceCollection services) =>
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = SchemeName;
            o.DefaultAuthenticateScheme = SchemeName;
            o.DefaultChallengeScheme = SchemeName;
            o.DefaultForbidScheme = SchemeName;
        }).AddScheme<AuthenticationSchemeOptions, TestStaffAuthentication>(SchemeName, null);

    public static HttpClient Staff(HttpClient client, string id, string name, string role)
    {
        client.DefaultRequestHeaders.Add(Header, $"{id};{name};{role}");
        return client;
    }
}
