namespace LiteAspire.Data;

/// <summary>A setting that keeps a service from starting; the message is written for the user, who needs no stack trace.</summary>
public class StartupConfigurationException : Exception
{
    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
