//go:build ignore

// Command extract copies one face of a TrueType collection (.ttc) into a
// standalone TrueType font (.ttf), byte for byte per table. It made
// wqy-microhei.ttf from Debian's fonts-wqy-microhei:
//
//	go run extract.go /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 wqy-microhei.ttf
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"strconv"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: go run extract.go in.ttc index out.ttf")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	index, err := strconv.Atoi(os.Args[2])
	if err != nil || string(data[:4]) != "ttcf" || uint32(index) >= binary.BigEndian.Uint32(data[8:]) {
		fmt.Fprintln(os.Stderr, "not a TrueType collection, or no such face")
		os.Exit(1)
	}
	dir := binary.BigEndian.Uint32(data[12+4*index:])
	n := int(binary.BigEndian.Uint16(data[dir+4:]))
	type table struct {
		tag      string
		checksum uint32
		body     []byte
	}
	tables := make([]table, n)
	for i := range tables {
		rec := data[int(dir)+12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		tables[i] = table{string(rec[:4]), binary.BigEndian.Uint32(rec[4:]), data[off : off+length]}
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	out := append([]byte{}, data[dir:dir+12]...)
	offset := 12 + 16*n
	for _, t := range tables {
		out = append(out, t.tag...)
		out = binary.BigEndian.AppendUint32(out, t.checksum)
		out = binary.BigEndian.AppendUint32(out, uint32(offset))
		out = binary.BigEndian.AppendUint32(out, uint32(len(t.body)))
		offset += (len(t.body) + 3) &^ 3
	}
	for _, t := range tables {
		out = append(out, t.body...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if err := os.WriteFile(os.Args[3], out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
