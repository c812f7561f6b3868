// Package assayrpc is the go runner's boundary (docs/sandbox.md, "The Go boundary"): the hidden tests
// run in the tester's process against a generated stand-in of the solution's package, whose functions
// and methods forward here, over one socket, to the solution's process. Only plain data crosses; the
// objects of either side cross as handles that the other side can call, never as themselves.
package assayrpc

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sync"
)

// ConnFd is the descriptor of the socket both processes are started with.
const ConnFd = 3

// maxFrame bounds one message: a peer that writes without end cannot grow this process's memory.
const maxFrame = 16 << 20

// message is one frame, a line of JSON. A request has an ID and an Op; a reply has Re and either Res
// or Panic. Fields carries the exported fields of a handle's struct (see mirror.go).
type message struct {
	ID     uint64           `json:"id,omitempty"`
	Re     uint64           `json:"re,omitempty"`
	Op     string           `json:"op,omitempty"`
	Name   string           `json:"name,omitempty"`
	H      uint64           `json:"h,omitempty"`
	Args   []value          `json:"args,omitempty"`
	Res    []value          `json:"res,omitempty"`
	Panic  *string          `json:"panic,omitempty"`
	Fields map[string]value `json:"fields,omitempty"`
}

// Conn is one end of the boundary. Every request it receives runs in a goroutine of its own, so calls
// that the tests make from several goroutines run concurrently in the solution's process, and a
// callback into the tester may call back again.
type Conn struct {
	side    string // "t" (the tester) or "s" (the solution's process): who owns a handle
	w       *bufio.Writer
	wmu     sync.Mutex
	mu      sync.Mutex
	next    uint64
	pending map[uint64]chan message
	closed  error
	handles *handles
	serve   func(c *Conn, m message) ([]value, map[string]value)
}

func newConn(side string, f *os.File, serve func(*Conn, message) ([]value, map[string]value)) *Conn {
	c := &Conn{side: side, w: bufio.NewWriter(f), pending: map[uint64]chan message{}, handles: newHandles(), serve: serve}
	go c.read(f)
	return c
}

func (c *Conn) read(f *os.File) {
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 64<<10), maxFrame)
	for in.Scan() {
		var m message
		if err := json.Unmarshal(in.Bytes(), &m); err != nil {
			c.fail(fmt.Errorf("a malformed message arrived: %v", err))
			return
		}
		if m.Re != 0 {
			c.mu.Lock()
			ch := c.pending[m.Re]
			delete(c.pending, m.Re)
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		go c.answer(m)
	}
	c.fail(c.peerGone())
}

func (c *Conn) peerGone() error {
	if c.side == "t" {
		return fmt.Errorf("the solution's process has exited")
	}
	return fmt.Errorf("the tests' process has gone")
}

// fail ends every pending call, and every later one, with err.
func (c *Conn) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed == nil {
		c.closed = err
	}
	for id, ch := range c.pending {
		text := c.closed.Error()
		ch <- message{Re: id, Panic: &text}
		delete(c.pending, id)
	}
	if c.side == "s" {
		// Nothing is left to serve: the solution's own goroutines must not keep this process alive.
		os.Exit(0)
	}
}

// answer serves one request; a panic of the code it calls is the reply, never this process's end.
func (c *Conn) answer(m message) {
	reply := message{Re: m.ID}
	func() {
		defer func() {
			if v := recover(); v != nil {
				text := fmt.Sprint(v)
				reply.Panic = &text
				reply.Res, reply.Fields = nil, nil
			}
		}()
		reply.Res, reply.Fields = c.serve(c, m)
	}()
	c.send(reply)
}

func (c *Conn) send(m message) {
	line, err := json.Marshal(m)
	if err != nil {
		text := fmt.Sprintf("cannot encode a reply: %v", err)
		line, _ = json.Marshal(message{Re: m.Re, Panic: &text})
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.w.Write(line)
	c.w.WriteByte('\n')
	c.w.Flush()
}

// request sends m and waits for its reply; a panic on the other side panics here, with its text.
func (c *Conn) request(m message) message {
	ch := make(chan message, 1)
	c.mu.Lock()
	if c.closed != nil {
		err := c.closed
		c.mu.Unlock()
		panic(err.Error())
	}
	c.next++
	m.ID = c.next
	c.pending[m.ID] = ch
	c.mu.Unlock()
	c.send(m)
	reply := <-ch
	if reply.Panic != nil {
		panic(RemotePanic(*reply.Panic))
	}
	return reply
}

// RemotePanic is the other side's panic, or its end, as the caller sees it.
type RemotePanic string

func (p RemotePanic) Error() string { return string(p) }

// call invokes fn (a reflect func value) with args decoded to its parameter types, and encodes its results.
func (c *Conn) call(fn reflect.Value, args []value) []value {
	t := fn.Type()
	if len(args) != t.NumIn() {
		panic(fmt.Sprintf("%d arguments for %d parameters", len(args), t.NumIn()))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = c.decode(a, t.In(i))
	}
	var out []reflect.Value
	if t.IsVariadic() {
		out = fn.CallSlice(in) // a variadic parameter crosses as the slice it is
	} else {
		out = fn.Call(in)
	}
	res := make([]value, len(out))
	for i, v := range out {
		res[i] = c.encode(v, t.Out(i))
	}
	return res
}
