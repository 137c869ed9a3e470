using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace KalugaBot.Host.WebChat;

/// <summary>Serves the page's files from wwwroot with validators, so a reload revalidates instead of downloading 4 MB again.</summary>
public sealed class WebChatFiles(IWebHostEnvironment environment, WebChatSecurityHeaders securityHeaders)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public const string BundlePath = "lib/webchat.js";

    public bool Exists(string path) => File(path).Exists;

    public IResult Serve(HttpContext context, string path, bool isPage = false)
    {
        // Only plain relative names: no traversal out of wwwroot, no hidden files.
        if (path.Contains("..", StringComparison.Ordinal) || path.Contains('\\') || path.Split('/').Any(s => s.StartsWith('.')))
            return Results.NotFound();
        var file = File(path);
        if (!file.Exists || file.IsDirectory) return Results.NotFound();
        if (!ContentTypes.TryGetContentType(file.Name, out var contentType)) return Results.NotFound();

        var headers = context.Response.Headers;
        if (isPage) securityHeaders.Apply(context.Response);
        else headers.XContentTypeOptions = "nosniff";
        // Page, script and strings change with a deployment: always revalidate (cheap 304 thanks to the ETag).
        headers.CacheControl = "no-cache";
        if (path.StartsWith("embed.js", StringComparison.Ordinal)) headers["Cross-Origin-Resource-Policy"] = "cross-origin";

        var etag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\"");
        return Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: etag);
    }

    private IFileInfo File(string path) => environment.WebRootFileProvider.GetFileInfo(path);
}
