using System.Net.Http.Headers;
using System.Net.Http.Json;
using KalugaBot.Protocol.Auth;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Connector;

/// <summary>Sends replies through the Bot Connector REST API at the conversation's serviceUrl.</summary>
public sealed class ConnectorSender(IHttpClientFactory httpClients, IBotTokenProvider tokens) : IChannelSender
{
    public const string HttpClientName = "BotConnector";

    public bool CanSend(ConversationReference reference) => !string.IsNullOrEmpty(reference.ServiceUrl);

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = Uri.EscapeDataString(activity.Conversation!.Id!);
        var path = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{conversationId}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{conversationId}/activities";
        using var request = await CreateRequestAsync(HttpMethod.Post, activity.ServiceUrl!, path, activity, cancellationToken).ConfigureAwait(false);
        return await SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}";
        using var request = await CreateRequestAsync(HttpMethod.Put, activity.ServiceUrl!, path, activity, cancellationToken).ConfigureAwait(false);
        return await SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(reference.Conversation!.Id!)}/activities/{Uri.EscapeDataString(reference.ActivityId!)}";
        using var request = await CreateRequestAsync(HttpMethod.Delete, reference.ServiceUrl!, path, null, cancellationToken).ConfigureAwait(false);
        await SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string serviceUrl, string path, Activity? body, CancellationToken cancellationToken)
    {
        // Exactly one slash between serviceUrl and v3/: Emulator urls lack it, Teams urls have it.
        var request = new HttpRequestMessage(method, new Uri(serviceUrl.TrimEnd('/') + "/" + path));
        if (body is not null) request.Content = JsonContent.Create(body, options: ProtocolJson.Options);
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<ResourceResponse> SendRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is 0) return new ResourceResponse(null);
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ResourceResponse(null);
        }
    }
}
