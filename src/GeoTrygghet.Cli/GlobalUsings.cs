// The hotspot verbs (Commands/Hotspots/) share these namespaces; written once here.
global using GeoTrygghet.Analysis;
global using GeoTrygghet.Analysis.Clustering;
global using GeoTrygghet.Analysis.Density;
global using GeoTrygghet.Analysis.Grids;
global using GeoTrygghet.Analysis.Statistics;
global using GeoTrygghet.Core.Crs;
global using GeoTrygghet.Core.Events;
global using GeoTrygghet.Core.Hotspots;
global using GeoTrygghet.Core.Hotspots.Methods;
global using GeoTrygghet.Core.Time;
global using System.CommandLine;
global using System.Globalization;
global using System.Text.Json.Nodes;
