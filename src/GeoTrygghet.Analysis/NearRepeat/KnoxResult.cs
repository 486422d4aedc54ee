namespace GeoTrygghet.Analysis.NearRepeat;

/// <summary>One cell of the Knox table: observed pairs, the mean over simulations, their ratio and the Monte Carlo p.</summary>
public sealed record KnoxCell(KnoxBand Space, KnoxBand Time, long Observed, double Expected, double Ratio, double P);

/// <summary>The Knox table (space bands × time bands, each with an open band beyond), with its settings.</summary>
public sealed record KnoxResult(IReadOnlyList<KnoxCell> Cells, int Events, long Pairs, int Simulations, int Seed);
