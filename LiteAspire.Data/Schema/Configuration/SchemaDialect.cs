namespace LiteAspire.Data.Schema.Configuration;

/// <summary>
/// The engine the model is built for. PostgreSQL gets Prisma's column types (jsonb, text[], timestamp(3));
/// SQLite stores JSON and string lists as TEXT holding JSON.
/// </summary>
internal sealed class SchemaDialect
{
    public static readonly SchemaDialect PostgreSql = new(isPostgreSql: true);

    public static readonly SchemaDialect Sqlite = new(isPostgreSql: false);

    private SchemaDialect(bool isPostgreSql) => IsPostgreSql = isPostgreSql;

    public bool IsPostgreSql { get; }

    public string JsonType => IsPostgreSql ? "jsonb" : "TEXT";

    public string TextArrayType => IsPostgreSql ? "text[]" : "TEXT";

    public string JsonLiteral(string json) => IsPostgreSql ? $"'{json}'::jsonb" : $"'{json}'";

    public string EmptyTextArray => IsPostgreSql ? "ARRAY[]::text[]" : "'[]'";
}
