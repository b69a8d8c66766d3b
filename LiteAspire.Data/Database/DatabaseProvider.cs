namespace LiteAspire.Data.Database;

/// <summary>Which engine stores LiteLLM's data.</summary>
public enum DatabaseProvider
{
    /// <summary>A PostgreSQL server (the production setup).</summary>
    PostgreSql,

    /// <summary>An embedded SQLite file (the fallback when no server is available).</summary>
    Sqlite,
}
