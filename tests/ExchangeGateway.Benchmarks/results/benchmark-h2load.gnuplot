$d1024_direct << EOD
1 6582 0.453
16 38132.667 0.792
64 49380.667 2.293
EOD
$d1024_proxy_pair << EOD
1 3019 0.637
16 9776 3.739
64 10723.92 11.858
EOD
$d1024_relay_pair << EOD
1 2034.667 0.711
16 8824.667 3.961
64 11237.333 11.824
EOD
$d1024_gateway_pair << EOD
1 421.333 5.525
16 2396.667 15.163
64 3006.333 37.635
EOD
$d65536_direct << EOD
1 1375.667 3.676
16 2432.667 11.279
64 3202.667 37.908
EOD
$d65536_proxy_pair << EOD
1 859.333 2.806
16 1806 19.49
64 1653.667 104.649
EOD
$d65536_relay_pair << EOD
1 597 3.851
16 1105 23.276
64 1352.333 81.45
EOD
$d65536_gateway_pair << EOD
1 203 17.376
16 661.667 36.861
64 584.667 179.232
EOD
$d1048576_direct << EOD
1 118.667 15.848
16 168 136.932
64 133 647.206
EOD
$d1048576_proxy_pair << EOD
1 96 24.191
16 121.333 194.402
64 99.667 937.32
EOD
$d1048576_relay_pair << EOD
1 64.667 31.457
16 87 266.081
64 53.821 1388.888
EOD
$d1048576_gateway_pair << EOD
1 36 42.629
16 58.667 415.018
64 28.667 2100.495
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run15/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
