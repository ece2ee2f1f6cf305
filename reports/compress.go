package reports

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Stream compression.
//
// gofpdf compresses each stream with a new zlib writer, and a new writer
// allocates about a megabyte: for a 13-page report that was three quarters
// of all the memory a rendering allocated, and a third of its time. So the
// renderer has gofpdf write page contents uncompressed and compresses them
// here, with writers that are reused, rebuilding the cross-reference table.
// (gofpdf still compresses the font program and its CIDToGIDMap itself.)

// deflater compresses streams with zlib writers that it keeps for reuse.
// Unlike a sync.Pool it is not emptied by every garbage collection, which
// with a megabyte per writer is what made them expensive in the first place.
type deflater chan *zlib.Writer

// newDeflater keeps up to n idle writers.
func newDeflater(n int) deflater { return make(deflater, n) }

func (p deflater) deflate(dst *bytes.Buffer, data []byte) {
	var zw *zlib.Writer
	select {
	case zw = <-p:
		zw.Reset(dst)
	default:
		zw, _ = zlib.NewWriterLevel(dst, zlib.BestSpeed) //nolint:errcheck // a valid level: no error
	}
	_, _ = zw.Write(data) // writes to a bytes.Buffer cannot fail
	zw.Close()
	select {
	case p <- zw:
	default:
	}
}

var errPDFLayout = errors.New("PDF 结构与预期不符")

// compressStreams returns pdf, as gofpdf writes it with compression off, with
// every unfiltered stream ("<</Length n>>") deflated and the cross-reference
// table rebuilt. Objects keep their numbers and order.
func (p deflater) compressStreams(pdf []byte) ([]byte, error) {
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("%w: 没有 startxref", errPDFLayout)
	}
	xrefAt, err := strconv.Atoi(string(bytes.TrimSpace(pdf[sx+11 : sx+11+bytes.IndexByte(pdf[sx+11:], '\n')])))
	if err != nil || xrefAt <= 0 || xrefAt >= sx || !bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("%w: startxref 无效", errPDFLayout)
	}
	// "xref\n0 N\n" then N entries of 20 bytes each.
	head := pdf[xrefAt+7:]
	nl := bytes.IndexByte(head, '\n')
	count, err := strconv.Atoi(string(head[:nl]))
	entries := xrefAt + 7 + nl + 1
	trailer := entries + 20*count
	if err != nil || count < 2 || trailer > sx || !bytes.HasPrefix(pdf[trailer:], []byte("trailer\n")) {
		return nil, fmt.Errorf("%w: xref 表无效", errPDFLayout)
	}
	offsets := make([]int, count)
	order := make([]int, 0, count-1)
	for n := 1; n < count; n++ {
		off, err := strconv.Atoi(string(pdf[entries+20*n : entries+20*n+10]))
		if err != nil || off <= 0 || off >= xrefAt {
			return nil, fmt.Errorf("%w: 对象 %d 的偏移无效", errPDFLayout, n)
		}
		offsets[n] = off
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })

	var out bytes.Buffer
	out.Grow(len(pdf) / 2)
	out.Write(pdf[:offsets[order[0]]])
	newOffsets := make([]int, count)
	for i, n := range order {
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		obj := pdf[offsets[n]:end]
		newOffsets[n] = out.Len()
		prefix := []byte(strconv.Itoa(n) + " 0 obj\n<</Length ")
		if !bytes.HasPrefix(obj, prefix) {
			out.Write(obj)
			continue
		}
		rest := obj[len(prefix):]
		gt := bytes.Index(rest, []byte(">>\nstream\n"))
		length, err := strconv.Atoi(string(rest[:max(gt, 0)]))
		if gt < 0 || err != nil {
			out.Write(obj) // a stream with more in its dictionary (the font file): leave it
			continue
		}
		start := len(prefix) + gt + len(">>\nstream\n")
		if start+length > len(obj) || !bytes.HasPrefix(obj[start+length:], []byte("\nendstream\n")) {
			return nil, fmt.Errorf("%w: 对象 %d 的数据流长度无效", errPDFLayout, n)
		}
		var z bytes.Buffer
		p.deflate(&z, obj[start:start+length])
		fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, z.Len())
		out.Write(z.Bytes())
		out.Write(obj[start+length:])
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", count)
	for n := 1; n < count; n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", newOffsets[n])
	}
	out.Write(pdf[trailer : sx+1])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}
