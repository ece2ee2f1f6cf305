package api

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// maxFormField is the longest text field an upload form may carry beside
// its file (an indicator code, say).
const maxFormField = 4 << 10

// uploadForm is a multipart upload read as it arrives: the file part goes
// to a temporary file, so that a 20 MB upload never sits whole in memory
// (Echo's FormFile would keep up to 32 MB of it), and the small text
// fields are kept. Close removes the temporary file.
type uploadForm struct {
	file   *os.File
	name   string
	size   int64
	fields map[string]string
}

// readUploadForm reads the multipart body of c: the first file in field
// (at most limit bytes, else a 422 on field) into a temporary file in
// tempDir, and every text field. The route's body limit (bodylimits.go)
// still answers 413 for a body over it.
func readUploadForm(c echo.Context, field string, limit int64, tempDir string) (_ *uploadForm, err error) {
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return nil, evaluation.Invalid(field, "请选择要上传的文件")
	}
	f := &uploadForm{fields: map[string]string{}}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, evaluation.Invalid(field, "上传的表单不完整，请重新上传")
		}
		err = f.readPart(part, field, limit, tempDir)
		_ = part.Close()
		if err != nil {
			// Read what is left (the route's body limit bounds it), so
			// that a body over that limit is answered 413 as such.
			_, _ = io.Copy(io.Discard, c.Request().Body)
			return nil, err
		}
	}
	if f.file == nil {
		return nil, evaluation.Invalid(field, "请选择要上传的文件")
	}
	return f, nil
}

// readPart keeps one part: the file of field, or a text field.
func (f *uploadForm) readPart(part *multipart.Part, field string, limit int64, tempDir string) error {
	filename := rawPartFilename(part)
	switch {
	case part.FormName() == field && filename != "" && f.file == nil:
		tmp, err := os.CreateTemp(tempDir, "evald-upload-*")
		if err != nil {
			return err
		}
		f.file, f.name = tmp, filename
		n, err := io.Copy(tmp, io.LimitReader(part, limit+1))
		if err != nil {
			return evaluation.Invalid(field, "文件上传中断，请重新上传")
		}
		if n > limit {
			return evaluation.Invalid(field, "文件不能超过"+sizeText(limit))
		}
		f.size = n
	case filename == "" && part.FormName() != "":
		data, err := io.ReadAll(io.LimitReader(part, maxFormField+1))
		if err != nil {
			return evaluation.Invalid(part.FormName(), "上传的表单不完整，请重新上传")
		}
		if len(data) > maxFormField {
			return evaluation.Invalid(part.FormName(), "字段过长")
		}
		f.fields[part.FormName()] = string(data)
	default:
		// Another file, or a part without a name: read past it.
		if _, err := io.Copy(io.Discard, part); err != nil {
			return evaluation.Invalid(field, "上传的表单不完整，请重新上传")
		}
	}
	return nil
}

// upload is the file as the domain takes it.
func (f *uploadForm) upload() evaluation.Upload {
	return evaluation.Upload{Name: f.name, Content: f.file, Size: f.size}
}

// Close removes the temporary file.
func (f *uploadForm) Close() {
	if f.file != nil {
		_ = f.file.Close()
		_ = os.Remove(f.file.Name())
	}
}

// rawPartFilename is the part's file name exactly as the client sent it:
// Go's multipart reader keeps only the last path element, which would hide a
// name with a path in it — something the domain refuses.
func rawPartFilename(p *multipart.Part) string {
	if _, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil && params["filename"] != "" {
		return params["filename"]
	}
	return p.FileName()
}

// evidenceUpload reads an evidence upload (field "file") and hands it to fn,
// removing the temporary file afterwards.
func evidenceUpload(c echo.Context, tempDir string, fn func(form *uploadForm) (any, error)) error {
	form, err := readUploadForm(c, "file", evaluation.MaxEvidenceSize, tempDir)
	if err != nil {
		return err
	}
	defer form.Close()
	out, err := fn(form)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, out)
}
