using LiteAspire.Data;

namespace LiteAspire.Proxy.Configuration;

/// <summary>config.yaml cannot be used; the message names the file, the line and the reason.</summary>
public sealed class ProxyConfigException : StartupConfigurationException
{
    public ProxyConfigException()
    {
    }

    public ProxyConfigException(string message)
        : base(message)
    {
    }

    public ProxyConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
