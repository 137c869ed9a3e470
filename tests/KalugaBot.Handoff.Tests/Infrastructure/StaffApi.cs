using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Testing;

namespace KalugaBot.Handoff.Tests.Infrastructure;

/// <summary>JSON calls to the staff API as a signed-in staff member (cookie + anti-forgery header for state changes).</summary>
public static class StaffApi
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this StaffSession staff, HttpMethod method, string path, object? body = null)
    {
        var csrf = await staff.Client.GetFromJsonAsync<JsonElement>("/staff/api/csrf");
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(csrf.GetProperty("headerName").GetString()!, csrf.GetProperty("token").GetString());
        return await staff.Client.SendAsync(request);
    }

    public static async Task<JsonNode> GetJsonAsync(this StaffSession staff, string path)
    {
        using var response = await staff.Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
