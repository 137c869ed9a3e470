using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KalugaBot.Protocol.Auth;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace KalugaBot.Protocol.Connector;

/// <summary>Sends bot activities through the Bot Connector REST API at the conversation's serviceUrl.</summary>
public sealed class ConnectorSender : IChannelSender
{
    public const string HttpClientName = "BotConnector";

    private readonly IHttpClientFactory _httpClients;
    private readonly IBotTokenProvider _tokens;
    private readonly ILogger<ConnectorSender> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public ConnectorSender(IHttpClientFactory httpClients, IBotTokenProvider tokens, IOptions<ConnectorOptions> options, TimeProvider clock, ILogger<ConnectorSender> logger)
    {
        _httpClients = httpClients;
        _tokens = tokens;
        _logger = logger;
        _retry = ConnectorRetry.Create(options.Value, clock, logger);
    }

    public bool CanSend(ConversationReference reference) => !string.IsNullOrEmpty(reference.ServiceUrl);

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = Uri.EscapeDataString(Require(activity.Conversation?.Id, "conversation.id"));
        // The reply route is used iff replyToId is set, as the SDK does; channels without threading treat it as a send.
        var path = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{conversationId}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{conversationId}/activities";
        return SendWithRetryAsync(HttpMethod.Post, Require(activity.ServiceUrl, "serviceUrl"), path, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(Require(activity.Conversation?.Id, "conversation.id"))}/activities/{Uri.EscapeDataString(Require(activity.Id, "id"))}";
        return SendWithRetryAsync(HttpMethod.Put, Require(activity.ServiceUrl, "serviceUrl"), path, activity, cancellationToken);
    }

    public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(Require(reference.Conversation?.Id, "conversation.id"))}/activities/{Uri.EscapeDataString(Require(reference.ActivityId, "activityId"))}";
        return SendWithRetryAsync(HttpMethod.Delete, Require(reference.ServiceUrl, "serviceUrl"), path, null, cancellationToken);
    }

    private async Task<ResourceResponse> SendWithRetryAsync(HttpMethod method, string serviceUrl, string path, Activity? body, CancellationToken cancellationToken)
    {
        // Exactly one slash between serviceUrl and v3/: Emulator urls lack it, Teams urls have it.
        var uri = new Uri(serviceUrl.TrimEnd('/') + "/" + path);
        // Serialized once: every attempt posts the identical payload.
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, ProtocolJson.Options);
        var client = _httpClients.CreateClient(HttpClientName);

        using var response = await _retry.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(method, uri);
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            var token = await _tokens.GetTokenAsync(ct).ConfigureAwait(false);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        var correlationId = ConnectorRetry.CorrelationId(response);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            _logger.LogError("Connector {Method} {Uri} failed: {Status} {Code} {Message}. X-Correlating-OperationId {CorrelationId}",
                method, uri, (int)response.StatusCode, error?.Code, error?.Message, correlationId);
            throw new ConnectorException(response.StatusCode, error?.Code, error?.Message, correlationId);
        }
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("Connector {Method} {Uri}: {Status}. X-Correlating-OperationId {CorrelationId}", method, uri, (int)response.StatusCode, correlationId);

        if (response.Content.Headers.ContentLength is 0) return new ResourceResponse(null);
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
        }
        catch (JsonException)
        {
            return new ResourceResponse(null); // 2xx without a ResourceResponse body: accepted, id unknown
        }
    }

    private static async Task<Error?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorResponse>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
            return body?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Require(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"The activity has no {name}; the connector cannot deliver it.") : value;
}
