using LiteAspire.Data;
using LiteAspire.Data.Database;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

using Npgsql;

namespace LiteAspire.Proxy.Tests.Infrastructure;

public class DatabaseConnectionResolverTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void PostgresUrl_FullUrl_MapsEveryPart()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(
            "postgresql://llm%40admin:p%40ss%3Aword@db.example.com:6543/litellm?sslmode=require&connect_timeout=7&application_name=proxy&schema=tenant1&connection_limit=25&pool_timeout=20"));

        Assert.Equal("db.example.com", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("llm@admin", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal("litellm", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal("proxy", builder.ApplicationName);
        Assert.Equal("tenant1", builder.SearchPath);
        Assert.Equal(25, builder.MaxPoolSize);
    }

    [Fact]
    public void PostgresUrl_PostgresSchemeWithoutPort_UsesDefaultPort()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://user@localhost/db"));

        Assert.Equal("localhost", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("user", builder.Username);
        Assert.Null(builder.Password);
    }

    [Fact]
    public void PostgresUrl_Ipv6AndMultipleHosts_AreKept()
    {
        Assert.Equal("::1", new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://u@[::1]:5433/d")).Host);
        Assert.Equal("h1:5432,h2:5433", new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://u@h1:5432,h2:5433/d")).Host);
    }

    [Fact]
    public void PostgresUrl_UnknownSslMode_FailsNamingTheValue()
    {
        var error = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString("postgresql://u@h/d?sslmode=sometimes"));

        Assert.Contains("sometimes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConnectionStringAndDatabaseUrl_ConnectionStringWins()
    {
        var connection = DatabaseConnectionResolver.Resolve(Settings(
            ("ConnectionStrings:litellm", "Host=aspire-host;Port=5432;Username=postgres;Password=x;Database=litellm"),
            ("DATABASE_URL", "postgresql://u:p@env-host:5432/db")));

        Assert.NotNull(connection);
        Assert.Equal(DatabaseProvider.PostgreSql, connection.Provider);
        Assert.Equal("ConnectionStrings:litellm", connection.Source);
        Assert.Equal("aspire-host", new NpgsqlConnectionStringBuilder(connection.ConnectionString).Host);
    }

    [Fact]
    public void Resolve_DatabaseUrlAndConfigUrl_DatabaseUrlWins()
    {
        var connection = DatabaseConnectionResolver.Resolve(
            Settings(("DATABASE_URL", "postgresql://u:p@env-host:5432/db")), "postgresql://u:p@config-host:5432/db");

        Assert.NotNull(connection);
        Assert.Equal("DATABASE_URL", connection.Source);
        Assert.Equal("env-host", new NpgsqlConnectionStringBuilder(connection.ConnectionString).Host);
    }

    [Fact]
    public void Resolve_OnlyConfigUrl_UsesGeneralSettingsDatabaseUrl()
    {
        var connection = DatabaseConnectionResolver.Resolve(Settings(), "postgresql://u:p@config-host:5432/db");

        Assert.NotNull(connection);
        Assert.Equal("general_settings.database_url", connection.Source);
    }

    [Fact]
    public void Resolve_NothingConfigured_IsNull()
    {
        Assert.Null(DatabaseConnectionResolver.Resolve(Settings()));
    }

    [Theory]
    [InlineData("Data Source=litellm.db", "litellm.db")]
    [InlineData("sqlite:///relative/litellm.db", "relative/litellm.db")]
    [InlineData("sqlite:////var/lib/litellm.db", "/var/lib/litellm.db")]
    [InlineData("sqlite:litellm.sqlite", "litellm.sqlite")]
    [InlineData("/tmp/state/litellm.db", "/tmp/state/litellm.db")]
    public void Parse_SqliteForms_SelectEmbeddedSqlite(string value, string expectedFile)
    {
        var connection = DatabaseConnectionResolver.Parse(value, "DATABASE_URL");

        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal(expectedFile, new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
    }

    [Fact]
    public void Parse_Garbage_FailsNamingTheSetting()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => DatabaseConnectionResolver.Parse("mysql://u@h/d", "DATABASE_URL"));

        Assert.StartsWith("DATABASE_URL is not a usable database connection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_PostgresWithPassword_LeavesThePasswordOut()
    {
        var connection = DatabaseConnectionResolver.Parse("postgresql://u:hunter2@db:5432/litellm", "DATABASE_URL");

        Assert.Equal("PostgreSQL db:5432/litellm", connection.Describe());
        Assert.DoesNotContain("hunter2", connection.ToString(), StringComparison.Ordinal);
    }
}
