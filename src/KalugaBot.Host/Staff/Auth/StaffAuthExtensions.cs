using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Antiforgery;
using KalugaBot.Host.CommandLine;

namespace KalugaBot.Host.Staff.Auth;

/// <summary>Staff sign-in: local accounts with a cookie, optional Entra ID, three role policies, anti-forgery.</summary>
public static class StaffAuthExtensions
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddStaffAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.EntraId.Enabled || StaffRoles.IsValid(o.EntraId.DefaultRole), "Staff:EntraId:DefaultRole must be viewer, agent or admin.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StaffUserStore>();
        services.AddSingleton<IHostCommand, CreateAdminCommand>();
        services.AddHostedService<BootstrapAdmin>();

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "kb.staff.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/staff";
        });

        var auth = services.AddAuthentication(StaffPrincipal.Scheme)
            .AddCookie(StaffPrincipal.Scheme, o =>
            {
                o.Cookie.Name = "kb.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/staff";
                o.LoginPath = "/staff/login";
                o.LogoutPath = "/staff/logout";
                o.AccessDeniedPath = "/staff/denied";
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // APIs answer with status codes; only pages redirect to the login form.
                    OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ValidateLocalUserAsync,
                };
            });
        var entra = configuration.GetSection(StaffOptions.Section).GetSection("EntraId").Get<EntraIdOptions>() ?? new EntraIdOptions();
        if (entra.Enabled) auth.AddStaffEntraId(entra);
        services.AddOptions<CookieAuthenticationOptions>(StaffPrincipal.Scheme).Configure<Microsoft.Extensions.Options.IOptions<StaffOptions>>(
            (cookie, staff) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(staff.Value.SessionMinutes));

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Viewer, p => Staff(p, StaffRoles.Viewer, StaffRoles.Agent, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Agent, p => Staff(p, StaffRoles.Agent, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, p => Staff(p, StaffRoles.Admin));
        return services;
    }

    private static void Staff(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.AddAuthenticationSchemes(StaffPrincipal.Scheme).RequireAuthenticatedUser().RequireRole(roles);

    /// <summary>True for paths answered with JSON/files rather than pages.</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/staff/api");

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApiPath(ctx.Request.Path) || ctx.Request.Headers.Accept.ToString().Contains("application/json"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A disabled or deleted account, or a changed role, ends the session at the next request.</summary>
    private static Task ValidateLocalUserAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal?.FindFirstValue("idp") is "entra") return Task.CompletedTask;
        var store = ctx.HttpContext.RequestServices.GetRequiredService<StaffUserStore>();
        var id = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = id is null ? null : store.FindById(id);
        if (user is null || user.Disabled || user.Role != ctx.Principal?.StaffRole()) ctx.RejectPrincipal();
        return Task.CompletedTask;
    }

    /// <summary>Validates the anti-forgery header on state-changing API calls (forms are covered by Razor Pages).</summary>
    public static TBuilder RequireStaffAntiforgery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.Problem("Missing or invalid anti-forgery token.", statusCode: StatusCodes.Status400BadRequest);
            }
            return await next(ctx);
        });

    private static void AddStaffEntraId(this AuthenticationBuilder auth, EntraIdOptions entra) =>
        auth.AddOpenIdConnect(StaffPrincipal.EntraScheme, "Microsoft Entra ID", o =>
        {
            o.SignInScheme = StaffPrincipal.Scheme;
            o.Authority = entra.Instance.TrimEnd('/') + "/" + entra.TenantId + "/v2.0";
            o.ClientId = entra.ClientId;
            o.ClientSecret = entra.ClientSecret;
            o.CallbackPath = entra.CallbackPath;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "preferred_username";
            o.TokenValidationParameters.RoleClaimType = "roles";
            o.Events = new OpenIdConnectEvents { OnTokenValidated = ctx => MapEntraUser(ctx, entra) };
        });

    /// <summary>Replaces the Entra identity by our staff claims; app roles named viewer/agent/admin map directly.</summary>
    private static Task MapEntraUser(TokenValidatedContext ctx, EntraIdOptions entra)
    {
        var source = ctx.Principal!;
        var roles = source.FindAll("roles").Select(c => c.Value.ToLowerInvariant()).Where(StaffRoles.IsValid).ToList();
        var role = roles.Contains(StaffRoles.Admin) ? StaffRoles.Admin : roles.Contains(StaffRoles.Agent) ? StaffRoles.Agent : roles.FirstOrDefault() ?? entra.DefaultRole;
        var email = source.FindFirstValue("email") ?? source.FindFirstValue("preferred_username") ?? "unknown";
        var principal = StaffPrincipal.Create(new StaffUser { Id = "entra:" + (source.FindFirstValue("oid") ?? email), Email = email, DisplayName = source.FindFirstValue("name") ?? email, Role = role });
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("idp", "entra"));
        ctx.Principal = principal;
        return Task.CompletedTask;
    }
}
