namespace LiteAspire.Admin.ProxyApi;

/// <summary>A proxy call that did not succeed, with a message fit to show an operator (never a stack trace or a key).</summary>
public sealed class ProxyApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProxyApiException(int? statusCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception with no status.</summary>
    public ProxyApiException()
        : this(null, "The proxy call failed.")
    {
    }

    /// <summary>Creates the exception with no status.</summary>
    public ProxyApiException(string message)
        : this(null, message)
    {
    }

    /// <summary>Creates the exception with no status.</summary>
    public ProxyApiException(string message, Exception inner)
        : this(null, message, inner)
    {
    }

    /// <summary>The proxy's HTTP status, or null when it did not answer.</summary>
    public int? StatusCode { get; }

    /// <summary>True when the proxy could not be reached at all.</summary>
    public bool Unreachable => StatusCode is null;
}
