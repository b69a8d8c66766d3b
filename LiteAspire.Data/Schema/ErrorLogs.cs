namespace LiteAspire.Data.Schema;

/// <summary>A failed provider call (<c>LiteLLM_ErrorLogs</c>).</summary>
public class ErrorLogs
{
    public required string RequestId { get; set; }

    /// <summary>Column <c>"startTime"</c>.</summary>
    public DateTime StartTime { get; set; }

    /// <summary>Column <c>"endTime"</c>.</summary>
    public DateTime EndTime { get; set; }

    public string ApiBase { get; set; } = "";

    public string ModelGroup { get; set; } = "";

    public string LitellmModelName { get; set; } = "";

    public string ModelId { get; set; } = "";

    /// <summary>The call's arguments (JSON object).</summary>
    public string RequestKwargs { get; set; } = "{}";

    public string ExceptionType { get; set; } = "";

    public string ExceptionString { get; set; } = "";

    public string StatusCode { get; set; } = "";
}
