namespace KalugaBot.Bench.Load;

/// <summary>An unsuccessful response as an exception that says what the host answered.</summary>
public static class LoadFailure
{
    public static async Task<HttpRequestException> FromAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {body[..Math.Min(body.Length, 300)]}");
    }
}
