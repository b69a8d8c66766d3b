namespace LiteAspire.Hosting;

/// <summary>A mistake in the app model or a failure to start it; the message names the resource.</summary>
public sealed class DistributedApplicationException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public DistributedApplicationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DistributedApplicationException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception with no message.</summary>
    public DistributedApplicationException() { }
}
