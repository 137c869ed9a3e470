using System.Net;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Staff.Tests.Auth;

public sealed class SignInTests
{
    [Fact]
    public async Task Anonymous_page_redirects_to_login_and_api_answers_401()
    {
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/staff/conversations");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/staff/login", page.Headers.Location!.ToString());
        var api = await client.GetAsync("/staff/api/csrf");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Sign_in_sets_a_strict_http_only_cookie_and_opens_the_portal()
    {
        await using var app = new KalugaBotApp();
        app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("ana@agency.test", StaffSession.DefaultPassword, StaffRoles.Viewer);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await StaffSession.PostFormAsync(client, "/staff/login", new() { ["Email"] = "Ana@Agency.test", ["Password"] = StaffSession.DefaultPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kb.staff="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/staff", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/api/csrf")).StatusCode);
    }

    [Fact]
    public async Task The_key_ring_is_not_read_at_start_up_and_sign_in_still_works()
    {
        await using var app = new KalugaBotApp();
        // The host never starts the data-protection prefetch; the first staff request reads or creates the keys.
        Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Name == "DataProtectionHostedService");
        app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("ana@agency.test", StaffSession.DefaultPassword, StaffRoles.Viewer);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await StaffSession.PostFormAsync(client, "/staff/login", new() { ["Email"] = "ana@agency.test", ["Password"] = StaffSession.DefaultPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/api/csrf")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_outlives_a_restart_on_the_same_data_folder_and_no_other()
    {
        using var temp = new TestFolder();
        var folder = temp.Path;
        string cookie;
        await using (var first = new KalugaBotApp(dataFolder: folder))
        {
            first.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("ana@agency.test", StaffSession.DefaultPassword, StaffRoles.Viewer);
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await StaffSession.PostFormAsync(client, "/staff/login", new() { ["Email"] = "ana@agency.test", ["Password"] = StaffSession.DefaultPassword });
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kb.staff=")).Split(';')[0];
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, StaffKeyRing.FolderName), "key-*.xml"));

        await using (var restarted = new KalugaBotApp(dataFolder: folder))
            Assert.Equal(HttpStatusCode.OK, (await SendWithCookie(restarted, cookie)).StatusCode);

        // Another data folder has its own keys (the framework's default would have shared ~/.aspnet between them).
        await using var other = new KalugaBotApp();
        other.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("ana@agency.test", StaffSession.DefaultPassword, StaffRoles.Viewer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithCookie(other, cookie)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithCookie(KalugaBotApp app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/api/csrf");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Login_form_without_antiforgery_token_is_refused()
    {
        await using var app = new KalugaBotApp();
        app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("ana@agency.test", StaffSession.DefaultPassword, StaffRoles.Admin);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "ana@agency.test", ["Password"] = StaffSession.DefaultPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("kb.staff=")));
    }

    [Fact]
    public async Task Wrong_password_five_times_locks_the_account_even_for_the_right_password()
    {
        await using var app = new KalugaBotApp();
        app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("bob@agency.test", StaffSession.DefaultPassword, StaffRoles.Agent);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            var wrong = await StaffSession.PostFormAsync(client, "/staff/login", new() { ["Email"] = "bob@agency.test", ["Password"] = "not the password " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await StaffSession.PostFormAsync(client, "/staff/login", new() { ["Email"] = "bob@agency.test", ["Password"] = StaffSession.DefaultPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Passwords_are_stored_hashed_never_in_clear()
    {
        await using var app = new KalugaBotApp();
        var user = app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("eve@agency.test", "a very secret passphrase", StaffRoles.Admin);
        Assert.DoesNotContain("secret", user.PasswordHash);
        Assert.Throws<ArgumentException>(() => app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate("x@agency.test", "short", StaffRoles.Admin));
    }

    [Fact]
    public async Task Bootstrap_setting_creates_the_first_admin()
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?>
        {
            ["Staff:BootstrapAdminEmail"] = "first@agency.test",
            ["Staff:BootstrapAdminPassword"] = "a long bootstrap passphrase",
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await StaffSession.PostFormAsync(client, "/staff/login", new() { ["Email"] = "first@agency.test", ["Password"] = "a long bootstrap passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffRoles.Admin, app.Services.GetRequiredService<StaffUserStore>().FindByEmail("first@agency.test")!.Role);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await using var app = new KalugaBotApp();
        using var staff = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        var logout = await staff.PostFormAsync("/staff/logout", [], formPage: "/staff/conversations");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.Client.GetAsync("/staff/api/csrf")).StatusCode);
    }
}

public sealed class CreateAdminCommandTests
{
    [Fact]
    public async Task Create_admin_command_creates_an_admin_and_refuses_a_short_password()
    {
        await using var app = new KalugaBotApp();
        var command = app.Services.GetServices<KalugaBot.Host.CommandLine.IHostCommand>().Single(c => c.Name == "create-admin");
        using var scope = app.Services.CreateScope();
        Assert.Equal(2, await command.RunAsync(scope.ServiceProvider, ["--email", "boss@agency.test", "--password", "short"], CancellationToken.None));
        Assert.Equal(2, await command.RunAsync(scope.ServiceProvider, ["--email", "boss@agency.test"], CancellationToken.None));
        Assert.Null(app.Services.GetRequiredService<StaffUserStore>().FindByEmail("boss@agency.test"));
        Assert.Equal(0, await command.RunAsync(scope.ServiceProvider, ["--email", "boss@agency.test", "--password", "a sufficiently long one"], CancellationToken.None));
        Assert.Equal(StaffRoles.Admin, app.Services.GetRequiredService<StaffUserStore>().FindByEmail("boss@agency.test")!.Role);
        var (result, _) = app.Services.GetRequiredService<StaffUserStore>().CheckPassword("boss@agency.test", "a sufficiently long one");
        Assert.Equal(KalugaBot.Host.Staff.Auth.SignInResult.Success, result);
    }
}
