using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Testing;

/// <summary>A signed-in staff member's HTTP client: real login form, auth cookie and anti-forgery tokens.</summary>
/// <remarks><c>var staff = await StaffSession.SignInAsync(app, StaffRoles.Agent);</c> then <c>staff.Client</c> for GETs,
/// <c>staff.PostJsonAsync</c> for state-changing API calls (sends the X-CSRF-TOKEN header) and <c>staff.PostFormAsync</c> for pages.</remarks>
public sealed partial class StaffSession : IDisposable
{
    public const string DefaultPassword = "correct horse battery staple";

    private StaffSession(HttpClient client, string email, string role) { Client = client; Email = email; Role = role; }

    public HttpClient Client { get; }
    public string Email { get; }
    public string Role { get; }

    /// <summary>Creates a user of <paramref name="role"/> (unless it exists) and signs in through POST /staff/login.</summary>
    public static async Task<StaffSession> SignInAsync(KalugaBotApp app, string role, string? email = null, string password = DefaultPassword)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@agency.test";
        app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate(email, password, role);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/staff/login", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Staff sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new StaffSession(client, email, role);
    }

    /// <summary>Posts a page form the way a browser does: GET the page, take its anti-forgery token, POST the fields.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null) =>
        PostFormAsync(Client, path, fields, formPage);

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var token = TokenInput().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No anti-forgery token on {formPage ?? path}.");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>POSTs JSON to a staff API with the anti-forgery header.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, object? body)
    {
        var csrf = await Client.GetFromJsonAsync<JsonElement>("/staff/api/csrf");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(csrf.GetProperty("headerName").GetString()!, csrf.GetProperty("token").GetString());
        return await Client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public void Dispose() => Client.Dispose();
}
