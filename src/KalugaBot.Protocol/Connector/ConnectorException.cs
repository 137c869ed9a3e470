using System.Net;

namespace KalugaBot.Protocol.Connector;

/// <summary>The connector refused an activity; carries its ErrorResponse code and the correlation id for support.</summary>
public sealed class ConnectorException(HttpStatusCode status, string? errorCode, string? errorMessage, string? correlationId)
    : HttpRequestException($"The Bot Connector answered {(int)status} {errorCode}: {errorMessage} (X-Correlating-OperationId {correlationId ?? "none"})", null, status)
{
    public string? ErrorCode { get; } = errorCode;
    public string? ErrorMessage { get; } = errorMessage;
    public string? CorrelationId { get; } = correlationId;
}
