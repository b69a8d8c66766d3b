using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class ErrorLogsConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<ErrorLogs>
{
    private const string Table = "LiteLLM_ErrorLogs";

    public void Configure(EntityTypeBuilder<ErrorLogs> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.RequestId).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.StartTime).HasColumnName("startTime");
        builder.Property(x => x.EndTime).HasColumnName("endTime");
        builder.Property(x => x.ApiBase).Defaults(string.Empty);
        builder.Property(x => x.ModelGroup).Defaults(string.Empty);
        builder.Property(x => x.LitellmModelName).Defaults(string.Empty);
        builder.Property(x => x.ModelId).Defaults(string.Empty);
        builder.Property(x => x.RequestKwargs).IsJson(dialect, "{}");
        builder.Property(x => x.ExceptionType).Defaults(string.Empty);
        builder.Property(x => x.ExceptionString).Defaults(string.Empty);
        builder.Property(x => x.StatusCode).Defaults(string.Empty);
    }
}
